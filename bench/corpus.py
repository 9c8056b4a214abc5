"""A deterministic synthetic corpus: a complete site folder of N Vietnamese articles.

    python bench/corpus.py --articles 1000 --out bench/corpus/n1000 [--photos K]

Owns the benchmark's input and nothing else. Everything comes from one seeded
random.Random (never the clock, the machine or a hash seed), and files are
written in a fixed order, so the same arguments give a byte-identical folder.
The prose is assembled from the phrase banks below (written for this
benchmark): ~1,000 words per article, with `##` headings, lists, quotes, bold
text, an occasional table and, now and then, a link to an earlier article.
About half the articles are bundles (`<slug>/index.md`); `--photos K` adds K
generated JPEG photos to every bundle and shows them in the body.
"""
from __future__ import annotations

import argparse
import re
import shutil
import sys
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path
from random import Random

SEED = 20260106
WORDS_PER_ARTICLE = 1000

# -- the site -----------------------------------------------------------------

PROVINCE = "Ninh Bình"
SITE_TITLE = f"Cổng thông tin điện tử Công an tỉnh {PROVINCE}"

CATEGORIES = [
    ("tin-hoat-dong", "Tin hoạt động", "Hoạt động của Công an tỉnh và các đơn vị, địa phương."),
    ("xay-dung-luc-luong", "Xây dựng lực lượng", "Xây dựng lực lượng Công an nhân dân trong sạch, vững mạnh."),
    ("canh-bao-toi-pham", "Cảnh báo tội phạm", "Thủ đoạn mới của tội phạm và khuyến cáo phòng ngừa."),
    ("thong-tin-chuyen-de", "Thông tin chuyên đề", "Các chuyên đề tuyên truyền về an ninh, trật tự."),
    ("huong-dan-thu-tuc", "Hướng dẫn thủ tục", "Hướng dẫn thủ tục hành chính thuộc lĩnh vực Công an."),
    ("trat-tu-an-toan-giao-thong", "Trật tự an toàn giao thông", "Tuần tra, kiểm soát và tuyên truyền an toàn giao thông."),
    ("phong-chay-chua-chay", "Phòng cháy, chữa cháy", "Phòng cháy, chữa cháy và cứu nạn, cứu hộ."),
    ("guong-nguoi-tot-viec-tot", "Gương người tốt, việc tốt", "Những tấm gương bình dị trong lực lượng và nhân dân."),
]

UNITS = [
    ("cong-an-tinh", f"Công an tỉnh {PROVINCE}"),
    ("phong-tham-muu", "Phòng Tham mưu"),
    ("phong-cong-tac-chinh-tri", "Phòng Công tác chính trị"),
    ("phong-an-ninh-chinh-tri-noi-bo", "Phòng An ninh chính trị nội bộ"),
    ("phong-an-ninh-mang", "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao"),
    ("phong-canh-sat-hinh-su", "Phòng Cảnh sát hình sự"),
    ("phong-canh-sat-kinh-te", "Phòng Cảnh sát kinh tế"),
    ("phong-canh-sat-ma-tuy", "Phòng Cảnh sát điều tra tội phạm về ma túy"),
    ("phong-canh-sat-giao-thong", "Phòng Cảnh sát giao thông"),
    ("phong-canh-sat-pccc", "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ"),
    ("phong-quan-ly-hanh-chinh", "Phòng Cảnh sát quản lý hành chính về trật tự xã hội"),
    ("phong-canh-sat-co-dong", "Phòng Cảnh sát cơ động"),
    ("phong-xay-dung-phong-trao", "Phòng Xây dựng phong trào bảo vệ an ninh Tổ quốc"),
    ("phong-quan-ly-xuat-nhap-canh", "Phòng Quản lý xuất nhập cảnh"),
    ("cong-an-phuong-hoa-lu", "Công an phường Hoa Lư"),
    ("cong-an-phuong-nam-dinh", "Công an phường Nam Định"),
    ("cong-an-phuong-tam-diep", "Công an phường Tam Điệp"),
    ("cong-an-xa-gia-vien", "Công an xã Gia Viễn"),
    ("cong-an-xa-kim-son", "Công an xã Kim Sơn"),
    ("cong-an-xa-hai-hau", "Công an xã Hải Hậu"),
]

CAMPAIGNS = [
    ("vi-an-ninh-to-quoc", "Vì An ninh Tổ quốc", "Phong trào thi đua “Vì An ninh Tổ quốc” trong lực lượng Công an nhân dân."),
    ("dan-van-kheo", "Dân vận khéo", "Phong trào thi đua “Dân vận khéo”: gần dân, hiểu dân, giúp dân."),
    ("hoc-tap-lam-theo-bac", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "Học tập và làm theo Bác trong từng đơn vị."),
    ("toan-dan-bao-ve-an-ninh", "Toàn dân bảo vệ an ninh Tổ quốc", "Phong trào toàn dân tham gia bảo vệ an ninh, trật tự ở cơ sở."),
    ("nam-an-toan-giao-thong", "Năm an toàn giao thông", "Các hoạt động bảo đảm trật tự, an toàn giao thông."),
    ("de-an-06", "Đề án 06 và chuyển đổi số", "Ứng dụng dữ liệu dân cư, định danh và xác thực điện tử."),
    ("phong-chong-ma-tuy", "Toàn dân phòng, chống ma túy", "Phòng ngừa, đấu tranh với tội phạm và tệ nạn ma túy."),
    ("phong-chong-lua-dao", "Phòng, chống lừa đảo trực tuyến", "Nhận diện và phòng tránh các thủ đoạn lừa đảo trên không gian mạng."),
    ("cao-diem-tan-cong-tran-ap", "Cao điểm tấn công, trấn áp tội phạm", "Các đợt cao điểm bảo đảm an ninh, trật tự."),
    ("cong-an-xa-chinh-quy", "Xây dựng Công an xã chính quy", "Củng cố lực lượng Công an cấp xã vững mạnh, chính quy."),
    ("an-toan-pccc", "An toàn phòng cháy, chữa cháy", "Phòng cháy trong khu dân cư, nhà ở kết hợp kinh doanh."),
    ("hanh-trinh-do", "Hành trình đỏ – hiến máu tình nguyện", "Cán bộ, chiến sĩ tham gia hiến máu cứu người."),
]

LINKS = [
    ("Bộ Công an", "https://bocongan.example.vn/"),
    ("Công an thành phố Hà Nội", "https://congan.hanoi.example.vn/"),
    ("Công an tỉnh Thanh Hóa", "https://congan.thanhhoa.example.vn/"),
    ("Công an tỉnh Hưng Yên", "https://congan.hungyen.example.vn/"),
]

# -- vocabulary -----------------------------------------------------------------

SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Mai Tạ".split()
MIDDLES = "Văn Thị Minh Đức Hữu Thanh Quang Ngọc Xuân Thu Hải Tuấn Mạnh Kim Bảo".split()
GIVENS = ("Hùng Dũng Hương Lan Tuấn Nam Hải Hà Phương Huyền Khôi Long Trang Thảo Sơn Bình Quân Linh "
          "Đăng Yến Cường Thắng Hạnh Nga Tú Vinh Quyết Hoa Trung Thành Giang Hiếu Nhung Toàn Duy").split()
RANKS = ["Đại tá", "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy", "Thượng úy", "Trung úy"]
POSTS = ["Giám đốc Công an tỉnh", "Phó Giám đốc Công an tỉnh", "Trưởng phòng", "Phó Trưởng phòng",
         "Đội trưởng", "Phó Đội trưởng", "Trưởng Công an xã", "Trưởng Công an phường", "cán bộ Đội tổng hợp"]
PLACES = ["phường Hoa Lư", "phường Tam Điệp", "phường Nam Định", "phường Thiên Trường", "phường Phủ Lý",
          "xã Gia Viễn", "xã Kim Sơn", "xã Nho Quan", "xã Yên Mô", "xã Ý Yên", "xã Hải Hậu", "xã Giao Thủy",
          "xã Nghĩa Hưng", "xã Trực Ninh", "xã Xuân Trường", "xã Bình Lục", "xã Thanh Liêm", "xã Lý Nhân",
          "xã Kim Bảng", "xã Yên Khánh", "xã Gia Trấn", "phường Đông Thành", "xã Yên Thắng", "xã Cúc Phương"]
SPOTS = ["chợ trung tâm", "bến xe khách phía Nam", "khu công nghiệp Gián Khẩu", "cụm công nghiệp Yên Ninh",
         "nhà văn hóa thôn", "trường trung học phổ thông trên địa bàn", "quốc lộ 1A", "quốc lộ 10", "đường tỉnh 477",
         "khu du lịch Tràng An", "ngã tư trung tâm", "khu dân cư mới", "bến đò ven sông Đáy", "khu chợ đêm"]
OCCASIONS = ["dịp Tết Nguyên đán", "dịp lễ 30/4 và 1/5", "dịp Quốc khánh 2/9", "mùa lễ hội Xuân",
             "trong kỳ thi tốt nghiệp trung học phổ thông", "mùa du lịch hè", "dịp nghỉ lễ cuối năm",
             "trong Tháng hành động phòng, chống ma túy", "hưởng ứng Ngày hội Toàn dân bảo vệ an ninh Tổ quốc"]
CRIMES = ["trộm cắp tài sản", "lừa đảo chiếm đoạt tài sản", "tàng trữ trái phép chất ma túy", "đánh bạc trực tuyến",
          "cho vay lãi nặng", "cố ý gây thương tích", "buôn bán hàng cấm", "gây rối trật tự công cộng",
          "mua bán trái phép hóa đơn", "vận chuyển pháo nổ"]
SCAMS = ["giả danh cán bộ Công an gọi điện yêu cầu cập nhật định danh điện tử", "tuyển cộng tác viên làm nhiệm vụ online",
         "mời đầu tư tiền ảo hứa hẹn lợi nhuận cao", "gửi tin nhắn giả mạo thông báo phạt nguội",
         "giả mạo nhân viên ngân hàng hỗ trợ nâng hạn mức thẻ", "bán vé máy bay, đặt phòng khách sạn giá rẻ",
         "lấy lại tiền đã bị lừa đảo", "dụ cài ứng dụng dịch vụ công giả mạo", "hack tài khoản mạng xã hội để vay tiền người thân"]
PROCEDURES = ["đăng ký thường trú", "đăng ký tạm trú", "cấp đổi căn cước", "kích hoạt tài khoản định danh điện tử mức độ 2",
              "đăng ký xe mô tô lần đầu", "cấp hộ chiếu phổ thông", "thông báo lưu trú", "cấp phiếu lý lịch tư pháp",
              "chuyển quyền sở hữu xe", "xác nhận thông tin về cư trú"]
PLATFORMS = ["Cổng dịch vụ công quốc gia", "ứng dụng VNeID", "Cổng dịch vụ công Bộ Công an"]
VIOLATIONS = ["nồng độ cồn", "chạy quá tốc độ", "chở hàng quá tải", "không đội mũ bảo hiểm", "đi sai làn đường",
              "dừng, đỗ xe sai quy định", "học sinh điều khiển xe máy khi chưa đủ tuổi", "lạng lách, đánh võng"]
FIRE_PLACES = ["nhà ở kết hợp kinh doanh", "chung cư mini", "cơ sở sản xuất đồ gỗ", "kho hàng", "quán karaoke",
               "chợ dân sinh", "xưởng may", "cây xăng ven quốc lộ"]
ACTIVITIES = ["ra quân tổng kiểm soát phương tiện", "tổ chức hội nghị sơ kết công tác", "ra mắt mô hình tự quản",
              "diễn tập phương án chữa cháy", "tuyên truyền pháp luật tại trường học", "trao tặng nhà tình nghĩa",
              "tổ chức Ngày hội Toàn dân bảo vệ an ninh Tổ quốc", "triển khai đợt cao điểm tấn công, trấn áp tội phạm",
              "tập huấn nghiệp vụ cho Công an cơ sở", "làm thủ tục căn cước lưu động cho người cao tuổi"]

TITLES = {
    "tin-hoat-dong": [
        "{unit} {activity} tại {place}",
        "{unit} {activity} {occasion}",
        "Triệt phá đường dây {crime} tại {place}, bắt giữ {n} đối tượng",
        "Bắt quả tang nhóm đối tượng {crime} ở khu vực {spot}",
        "{unit} tổng kết phong trào “{campaign_name}” năm {year}",
        "Phá chuyên án {crime} liên tỉnh, thu giữ nhiều tang vật",
    ],
    "xay-dung-luc-luong": [
        "{unit} học tập, quán triệt nghị quyết của Đảng ủy Công an tỉnh",
        "Sôi nổi hội thi điều lệnh, võ thuật, bắn súng năm {year}",
        "Bồi dưỡng kỹ năng dân vận cho cán bộ, chiến sĩ {unit}",
        "Chi bộ {unit} sinh hoạt chuyên đề về phong cách ứng xử của Bác",
        "Tuổi trẻ {unit} tình nguyện vì cộng đồng {occasion}",
        "Nâng cao chất lượng lực lượng tham gia bảo vệ an ninh, trật tự ở {place}",
    ],
    "canh-bao-toi-pham": [
        "Cảnh báo thủ đoạn {scam}",
        "Cảnh giác với chiêu {scam}",
        "Người dân ở {place} suýt mất tiền vì {scam}",
        "Nhận diện thủ đoạn {crime} dịp cuối năm",
        "Khuyến cáo người dân phòng ngừa {crime} tại {spot}",
    ],
    "thong-tin-chuyen-de": [
        "Phòng, chống {crime}: những điều người dân cần biết",
        "Tổ liên gia an toàn ở {place}: khi mỗi người dân là một tai mắt",
        "Mô hình “{model}” góp phần giữ bình yên cho {place}",
        "Công an xã sau một năm vận hành chính quyền địa phương hai cấp",
        "Từ phong trào “{campaign_name}” đến những thay đổi ở {place}",
    ],
    "huong-dan-thu-tuc": [
        "Hướng dẫn {procedure} trên {platform}",
        "Các bước {procedure} trực tuyến, không cần đến trụ sở",
        "Những lưu ý khi {procedure} {occasion}",
        "Hỏi – đáp về {procedure}",
    ],
    "trat-tu-an-toan-giao-thong": [
        "Xử lý hơn {big} trường hợp vi phạm {violation} {occasion}",
        "{unit} tăng cường kiểm soát {violation} trên {spot}",
        "Tuyên truyền an toàn giao thông cho học sinh ở {place}",
        "Tai nạn giao thông giảm cả ba tiêu chí trong {months} tháng đầu năm {year}",
        "Lắp đặt thêm camera giám sát giao thông tại {spot}",
    ],
    "phong-chay-chua-chay": [
        "Diễn tập phương án chữa cháy, cứu nạn, cứu hộ tại {fire_place} ở {place}",
        "Phòng cháy trong {fire_place}: nguy cơ và giải pháp",
        "Kịp thời dập tắt đám cháy tại {fire_place} ở {place}",
        "Kiểm tra an toàn phòng cháy các {fire_place} {occasion}",
        "Hướng dẫn kỹ năng thoát nạn khi xảy ra cháy {fire_place}",
    ],
    "guong-nguoi-tot-viec-tot": [
        "Chiến sĩ {unit} trả lại tài sản cho người đánh rơi",
        "Người Công an xã tận tụy với bà con {place}",
        "Ông {person} – người gác cổng bình yên cho thôn xóm",
        "Cán bộ {unit} lao vào đám cháy cứu người",
        "Nữ cán bộ {unit} {n} năm gắn bó với công tác cư trú",
    ],
}
MODELS = ["Camera an ninh", "Tổ liên gia an toàn", "Dòng họ không có ma túy", "Khu dân cư an toàn về an ninh, trật tự",
          "Zalo an ninh trật tự", "Điểm chữa cháy công cộng", "Cổng trường an toàn giao thông", "Xứ đạo bình yên"]

HEADINGS = {
    "tin-hoat-dong": ["Kết quả nổi bật", "Triển khai đồng bộ nhiều giải pháp", "Quá trình điều tra, xác minh",
                      "Sự vào cuộc của các lực lượng", "Phương hướng trong thời gian tới", "Huy động sức mạnh của quần chúng"],
    "xay-dung-luc-luong": ["Học đi đôi với làm", "Chuyển biến trong nhận thức và hành động", "Rèn luyện bản lĩnh, kỹ năng",
                           "Gần dân, hiểu dân, giúp dân", "Những kinh nghiệm bước đầu", "Nhiệm vụ trọng tâm"],
    "canh-bao-toi-pham": ["Thủ đoạn của các đối tượng", "Một số vụ việc điển hình", "Dấu hiệu nhận biết",
                          "Khuyến cáo của cơ quan Công an", "Khi đã lỡ chuyển tiền cần làm gì", "Không để kẻ gian lợi dụng"],
    "thong-tin-chuyen-de": ["Từ thực tiễn cơ sở", "Những con số biết nói", "Vai trò của người dân",
                            "Khó khăn, vướng mắc", "Cách làm hay cần nhân rộng", "Giải pháp trong thời gian tới"],
    "huong-dan-thu-tuc": ["Đối tượng thực hiện", "Hồ sơ cần chuẩn bị", "Các bước thực hiện", "Thời hạn giải quyết",
                          "Lệ phí", "Một số lưu ý"],
    "trat-tu-an-toan-giao-thong": ["Tập trung vào các nhóm hành vi nguy hiểm", "Kết quả tuần tra, kiểm soát",
                                   "Ứng dụng công nghệ trong xử lý vi phạm", "Tuyên truyền đi trước một bước",
                                   "Những điểm đen cần lưu ý", "Vừa nghiêm minh, vừa hỗ trợ người dân"],
    "phong-chay-chua-chay": ["Nguy cơ tiềm ẩn", "Diễn biến vụ việc", "Tình huống giả định", "Trang bị phương tiện tại chỗ",
                             "Kỹ năng thoát nạn", "Trách nhiệm của người đứng đầu cơ sở"],
    "guong-nguoi-tot-viec-tot": ["Việc nhỏ, nghĩa lớn", "Nghĩa tình với bà con", "Giữa lằn ranh nguy hiểm",
                                 "Lời cảm ơn giản dị", "Lan tỏa điều tốt đẹp", "Tấm gương để học tập"],
}

# Sentences any article may use, then sentences for one category.
COMMON = [
    "Trong thời gian qua, {unit} đã chủ động tham mưu cho cấp ủy, chính quyền địa phương triển khai đồng bộ nhiều giải pháp bảo đảm an ninh, trật tự trên địa bàn.",
    "Theo thống kê, từ đầu năm {year} đến nay, lực lượng chức năng đã tiếp nhận và giải quyết {n} tin báo, tố giác về tội phạm, đạt tỷ lệ {pct}%.",
    "Công tác tuyên truyền được đổi mới theo hướng ngắn gọn, dễ hiểu, gắn với từng nhóm đối tượng cụ thể như học sinh, công nhân và người cao tuổi.",
    "Lãnh đạo {unit} yêu cầu các đội nghiệp vụ phối hợp chặt chẽ với Công an cơ sở, nắm chắc tình hình, không để bị động, bất ngờ.",
    "Nhiều hộ gia đình ở {place} đã chủ động cung cấp thông tin, giúp lực lượng Công an kịp thời phát hiện, xử lý các vụ việc phức tạp.",
    "Bên cạnh kết quả đạt được, công tác này vẫn còn một số hạn chế như lực lượng mỏng, địa bàn rộng và ý thức chấp hành pháp luật của một bộ phận người dân chưa cao.",
    "{officer} cho biết, đơn vị sẽ tiếp tục rà soát, đánh giá lại hiệu quả của từng mô hình để có cách làm phù hợp hơn với tình hình thực tế.",
    "Ngày {date}, tại hội trường Công an tỉnh, {unit} tổ chức hội nghị đánh giá kết quả thực hiện nhiệm vụ và bàn giải pháp cho thời gian tới.",
    "Qua đó, người dân ngày càng tin tưởng, đồng hành với lực lượng Công an trong công tác bảo đảm an ninh, trật tự ở cơ sở.",
    "Các tổ công tác được bố trí hợp lý, luân phiên trực 24/24 giờ, sẵn sàng tiếp nhận và xử lý mọi tình huống phát sinh.",
    "Kết quả này có sự đóng góp không nhỏ của lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở với hơn {big} thành viên trên toàn tỉnh.",
    "Đây là một trong những nội dung trọng tâm của phong trào “{campaign_name}” được triển khai từ đầu năm.",
    "Công an các xã, phường đã tổ chức {n} buổi tuyên truyền lưu động, phát hàng nghìn tờ rơi tới từng hộ gia đình.",
    "Thời gian tới, {unit} tiếp tục tăng cường công tác nắm tình hình, chủ động phát hiện từ sớm, từ xa các nguy cơ mất an ninh, trật tự.",
    "Theo {officer}, điều quan trọng nhất là phải lấy người dân làm trung tâm, coi sự hài lòng của nhân dân là thước đo hiệu quả công việc.",
    "Ghi nhận tại {spot} thuộc {place}, tình hình an ninh, trật tự cơ bản ổn định, không để xảy ra vụ việc phức tạp.",
    "Những kết quả trên đã góp phần quan trọng giữ vững ổn định chính trị, phục vụ phát triển kinh tế – xã hội của địa phương.",
    "Để nâng cao hiệu quả phối hợp, các đơn vị đã ký kết quy chế, thường xuyên trao đổi thông tin và tổ chức giao ban định kỳ hằng tháng.",
    "Cùng với đó, lực lượng Công an đẩy mạnh ứng dụng dữ liệu dân cư và các nền tảng số vào công tác quản lý nhà nước về an ninh, trật tự.",
    "Theo kế hoạch, các hoạt động sẽ được duy trì thường xuyên đến hết tháng {month} năm {year}.",
    "Với tinh thần “{motto}”, cán bộ, chiến sĩ đã không quản ngày đêm bám địa bàn, gần dân, sát dân.",
    "Người dân phát hiện dấu hiệu vi phạm pháp luật có thể báo ngay cho Công an xã, phường nơi gần nhất hoặc gọi số điện thoại 113.",
]
MOTTOS = ["Ba bám, bốn cùng", "Vì nước quên thân, vì dân phục vụ", "Đâu cần thanh niên có, đâu khó có thanh niên",
          "Nói đi đôi với làm", "Lấy dân làm gốc", "Mỗi ngày một việc tốt"]

BY_CATEGORY = {
    "tin-hoat-dong": [
        "Quá trình đấu tranh, xác minh, cơ quan điều tra đã làm rõ {n} đối tượng có liên quan, thu giữ nhiều tang vật, phương tiện phục vụ hoạt động phạm tội.",
        "Khoảng {hour} giờ ngày {date}, tổ công tác phát hiện một nhóm đối tượng có biểu hiện nghi vấn tại khu vực {spot} nên đã tiến hành kiểm tra.",
        "Qua khám xét khẩn cấp, lực lượng chức năng thu giữ {n} điện thoại di động, {n2} xe máy cùng nhiều giấy tờ, sổ sách ghi chép liên quan.",
        "Tại cơ quan Công an, các đối tượng đã khai nhận toàn bộ hành vi {crime} của mình, phù hợp với tài liệu, chứng cứ thu thập được.",
        "Vụ án đang được {unit} tiếp tục điều tra, mở rộng, xử lý theo quy định của pháp luật.",
        "Ngay sau khi nhận tin báo, {unit} đã huy động lực lượng có mặt tại hiện trường, khoanh vùng, truy xét và chỉ sau {n} giờ đã làm rõ vụ việc.",
        "Buổi lễ ra quân có sự tham dự của đại diện cấp ủy, chính quyền địa phương cùng hơn {big} cán bộ, chiến sĩ.",
        "Đợt cao điểm tập trung vào các loại tội phạm {crime}, {crime2} và các tụ điểm phức tạp về trật tự xã hội.",
    ],
    "xay-dung-luc-luong": [
        "Hội thi là dịp để cán bộ, chiến sĩ rèn luyện thể lực, củng cố kỹ năng sử dụng vũ khí, công cụ hỗ trợ và võ thuật Công an nhân dân.",
        "Chi bộ đã đưa nội dung học tập và làm theo Bác vào sinh hoạt định kỳ, gắn với những việc làm cụ thể của từng đảng viên.",
        "Mỗi cán bộ, chiến sĩ đăng ký ít nhất một việc làm theo Bác, được chi bộ theo dõi, đánh giá hằng tháng.",
        "Lớp bồi dưỡng trang bị cho học viên kỹ năng tiếp xúc, vận động quần chúng, xử lý tình huống khi làm việc với người dân.",
        "Đoàn Thanh niên Công an tỉnh tổ chức nhiều hoạt động tình nguyện như sửa chữa nhà văn hóa, tặng quà học sinh nghèo, hiến máu cứu người.",
        "Đơn vị đặc biệt quan tâm xây dựng văn hóa ứng xử, lời nói đi đôi với việc làm, tác phong chính quy, lễ tiết, điều lệnh nghiêm túc.",
        "Qua {n} ngày thi đấu sôi nổi, ban tổ chức đã trao {n2} giải nhất, {n3} giải nhì và nhiều giải khuyến khích cho các đội thi.",
        "Công tác tổ chức, cán bộ được sắp xếp theo hướng tinh, gọn, mạnh, tăng cường lực lượng cho Công an cơ sở.",
    ],
    "canh-bao-toi-pham": [
        "Các đối tượng thường tạo tài khoản mạng xã hội ảo, sử dụng hình ảnh, danh nghĩa của cơ quan nhà nước để tạo lòng tin với người dân.",
        "Sau khi nạn nhân làm theo hướng dẫn, toàn bộ số tiền trong tài khoản ngân hàng bị chiếm đoạt chỉ trong vài phút.",
        "Chị {person}, trú tại {place}, cho biết đã chuyển tổng cộng {money} triệu đồng theo yêu cầu của đối tượng trước khi phát hiện mình bị lừa.",
        "Cơ quan Công an khẳng định không làm việc với người dân qua điện thoại, không yêu cầu cung cấp mã OTP hay chuyển tiền vào bất kỳ tài khoản nào.",
        "Đối tượng gửi kèm đường link lạ, dẫn người dùng tới trang web giả mạo có giao diện giống hệt trang của cơ quan nhà nước.",
        "Chỉ trong {months} tháng, trên địa bàn tỉnh đã xảy ra {n} vụ lừa đảo theo phương thức này, thiệt hại hơn {money} tỷ đồng.",
        "Thủ đoạn của các đối tượng ngày càng tinh vi, đánh vào tâm lý muốn kiếm tiền nhanh hoặc sợ hãi khi bị nhắc tới cơ quan pháp luật.",
        "Khi nghi ngờ bị lừa đảo, người dân cần giữ lại tin nhắn, lịch sử cuộc gọi, biên lai chuyển tiền và trình báo ngay với cơ quan Công an.",
    ],
    "thong-tin-chuyen-de": [
        "Mô hình “{model}” được xây dựng trên cơ sở tự nguyện, do chính người dân bàn bạc, thống nhất cách làm và cùng nhau thực hiện.",
        "Sau {n} năm triển khai, toàn tỉnh đã có {big} tổ liên gia an toàn, bao phủ hầu hết các thôn, tổ dân phố.",
        "Từ khi có mô hình, số vụ trộm cắp ở {place} giảm rõ rệt, nhiều vụ việc được phát hiện, ngăn chặn ngay từ khi mới manh nha.",
        "Điểm đáng chú ý là người dân không chỉ cung cấp thông tin mà còn tham gia hòa giải mâu thuẫn, giúp đỡ người lầm lỗi hoàn lương.",
        "Những thay đổi tích cực ấy cho thấy khi lòng dân được khơi dậy, an ninh, trật tự ở cơ sở sẽ được giữ vững từ gốc.",
        "Theo các chuyên gia, việc phòng ngừa phải bắt đầu từ gia đình, nhà trường và cộng đồng dân cư chứ không thể chỉ trông chờ vào lực lượng chức năng.",
        "Số liệu cho thấy, tỷ lệ người tái phạm trong nhóm được địa phương quan tâm, giúp đỡ chỉ khoảng {pct2}%, thấp hơn nhiều so với trước đây.",
    ],
    "huong-dan-thu-tuc": [
        "Người dân đăng nhập {platform} bằng tài khoản định danh điện tử mức độ 2, chọn thủ tục cần thực hiện và điền đầy đủ thông tin theo hướng dẫn.",
        "Hồ sơ sau khi nộp sẽ được cán bộ tiếp nhận kiểm tra; trường hợp còn thiếu, hệ thống gửi thông báo để người dân bổ sung.",
        "Thời hạn giải quyết không quá {n} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        "Kết quả giải quyết được trả qua {platform} hoặc gửi qua đường bưu chính theo yêu cầu của người dân.",
        "Trường hợp giấy tờ đã được tích hợp trên ứng dụng VNeID, người dân không phải nộp bản sao khi làm thủ tục.",
        "Lệ phí được thực hiện theo quy định hiện hành, người dân có thể thanh toán trực tuyến qua ngân hàng hoặc ví điện tử.",
        "Nếu gặp khó khăn trong quá trình thực hiện, người dân liên hệ Công an xã, phường nơi cư trú để được hướng dẫn trực tiếp.",
        "Việc thực hiện {procedure} trực tuyến giúp người dân tiết kiệm thời gian, chi phí đi lại, hạn chế giấy tờ.",
    ],
    "trat-tu-an-toan-giao-thong": [
        "Các tổ công tác bố trí chốt kiểm tra {violation} tại các tuyến đường dẫn vào khu vực {spot}, nhất là vào khung giờ chiều tối.",
        "Trong {n} ngày, lực lượng Cảnh sát giao thông đã lập biên bản xử lý {big} trường hợp, tạm giữ {n2} phương tiện các loại.",
        "Tai nạn giao thông trên địa bàn giảm cả ba tiêu chí: số vụ giảm {pct2}%, số người chết giảm {pct3}%, số người bị thương giảm {pct4}%.",
        "Hệ thống camera giám sát giúp phát hiện, xử lý hàng trăm trường hợp vi phạm qua hình ảnh mỗi tháng.",
        "Nhiều phụ huynh đã ký cam kết không giao xe cho con em chưa đủ tuổi điều khiển phương tiện.",
        "Lực lượng chức năng cũng bố trí các tổ hỗ trợ người dân khi phương tiện gặp sự cố, phân luồng khi xảy ra ùn tắc.",
        "Người vi phạm có thể tra cứu và nộp phạt trực tuyến mà không cần đến trụ sở Công an.",
    ],
    "phong-chay-chua-chay": [
        "Tình huống giả định xảy ra cháy tại tầng {n} của {fire_place}, nhiều người mắc kẹt, khói khí độc lan nhanh theo cầu thang.",
        "Chỉ sau {n} phút nhận tin báo, lực lượng Cảnh sát phòng cháy, chữa cháy đã có mặt, triển khai các lăng phun nước khống chế đám cháy.",
        "Nguyên nhân ban đầu được xác định do chập điện từ ổ cắm, thiết bị sạc xe điện để qua đêm ở tầng một.",
        "Qua kiểm tra, nhiều {fire_place} chưa trang bị bình chữa cháy, lối thoát nạn bị che chắn bởi lồng sắt, biển quảng cáo.",
        "Mỗi gia đình nên có ít nhất một bình chữa cháy, thiết bị báo cháy và lối thoát nạn thứ hai qua ban công, mái nhà.",
        "Đám cháy được dập tắt hoàn toàn sau khoảng {n2} phút, không có thiệt hại về người; thiệt hại tài sản đang được thống kê.",
        "Cơ quan chức năng đã hướng dẫn chủ cơ sở khắc phục {n} tồn tại, thiếu sót về phòng cháy trong thời hạn quy định.",
    ],
    "guong-nguoi-tot-viec-tot": [
        "Trên đường đi làm nhiệm vụ, anh phát hiện chiếc ví có nhiều tiền và giấy tờ tùy thân rơi bên đường nên đã tìm cách liên hệ trả lại người đánh rơi.",
        "Bà con trong thôn vẫn gọi anh bằng cái tên thân mật “chú Công an của xóm”.",
        "Không ngại khó khăn, vất vả, anh thường xuyên đến từng nhà người cao tuổi để làm thủ tục căn cước tận nơi.",
        "Nhận số tiền {money} triệu đồng được trả lại, ông {person} xúc động gửi thư cảm ơn tới lãnh đạo đơn vị.",
        "Với anh, đó chỉ là việc nhỏ, là trách nhiệm của người chiến sĩ Công an nhân dân.",
        "Hành động đẹp ấy được đơn vị kịp thời biểu dương, khen thưởng và lan tỏa trong toàn lực lượng.",
        "Hơn {n} năm công tác, chị đã giúp đỡ hàng trăm gia đình hoàn thiện giấy tờ cư trú, nhiều người lớn tuổi coi chị như con cháu trong nhà.",
    ],
}

LIST_ITEMS = {
    "canh-bao-toi-pham": ["Không cung cấp mã OTP, mật khẩu, số thẻ ngân hàng cho bất kỳ ai;",
                          "Không truy cập đường link lạ, không cài ứng dụng ngoài kho chính thức;",
                          "Kiểm tra kỹ thông tin người nhận trước khi chuyển tiền;",
                          "Cảnh giác với lời mời việc nhẹ lương cao, đầu tư lợi nhuận bất thường;",
                          "Báo ngay cho ngân hàng để phong tỏa tài khoản khi phát hiện bị lừa;",
                          "Trình báo cơ quan Công an gần nhất kèm theo chứng cứ."],
    "huong-dan-thu-tuc": ["Bước 1: Đăng nhập bằng tài khoản định danh điện tử;", "Bước 2: Chọn thủ tục và cơ quan giải quyết;",
                          "Bước 3: Khai tờ khai điện tử, đính kèm giấy tờ;", "Bước 4: Nộp lệ phí trực tuyến;",
                          "Bước 5: Theo dõi trạng thái hồ sơ và nhận kết quả."],
    "trat-tu-an-toan-giao-thong": ["Điều khiển phương tiện khi có nồng độ cồn trong máu hoặc hơi thở;",
                                   "Chạy quá tốc độ, đi không đúng làn đường;", "Xe khách chở quá số người quy định;",
                                   "Xe tải chở hàng quá khổ, quá tải;", "Tụ tập đua xe, lạng lách, đánh võng;",
                                   "Không đội mũ bảo hiểm khi đi xe mô tô, xe gắn máy."],
    "phong-chay-chua-chay": ["Không sạc xe điện qua đêm trong nhà;", "Lắp đặt thiết bị báo cháy, bình chữa cháy;",
                             "Mở lối thoát nạn thứ hai, không khóa cửa lồng sắt;", "Ngắt điện trước khi ra khỏi nhà;",
                             "Hướng dẫn trẻ em cách bò thấp, che mũi khi có khói;", "Gọi ngay 114 khi phát hiện cháy."],
}
GENERIC_LIST = ["Tăng cường công tác nắm tình hình, nhất là ở địa bàn trọng điểm;",
                "Phát huy vai trò của lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở;",
                "Đẩy mạnh tuyên truyền bằng nhiều hình thức phù hợp;",
                "Kịp thời biểu dương, khen thưởng tập thể, cá nhân có thành tích;",
                "Ứng dụng dữ liệu dân cư vào công tác quản lý;", "Phối hợp chặt chẽ với các ban, ngành, đoàn thể;",
                "Giải quyết dứt điểm các vụ việc phức tạp ngay từ cơ sở;", "Xây dựng và nhân rộng các mô hình tự quản."]
TABLE_ROWS = ["Số vụ phạm pháp hình sự", "Số vụ tai nạn giao thông", "Số người chết do tai nạn giao thông",
              "Số vụ cháy", "Số đối tượng bị bắt giữ", "Số tin báo được giải quyết", "Số vụ lừa đảo qua mạng",
              "Số hồ sơ dịch vụ công trực tuyến"]
QUOTES = [
    "Mỗi cán bộ, chiến sĩ phải là một tuyên truyền viên, để người dân hiểu và cùng chung tay giữ gìn bình yên cho xóm làng.",
    "Xử lý vi phạm phải nghiêm, không có vùng cấm, nhưng cũng phải sẵn sàng giúp đỡ người dân khi họ gặp khó khăn.",
    "Chúng tôi xác định cơ sở là nền tảng, người dân là chủ thể; làm tốt từ cơ sở thì an ninh, trật tự mới bền vững.",
    "Không có việc gì khó nếu lực lượng Công an và nhân dân cùng chung một lòng.",
    "Cảnh giác là tấm khiên tốt nhất để mỗi người tự bảo vệ tài sản của mình trên không gian mạng.",
    "Thành tích hôm nay là động lực để đơn vị tiếp tục phấn đấu, không ngừng rèn luyện, học tập.",
]
# Composed sentences: opener + subject + verb + action + tail, ~100,000 combinations.
OPENERS = ["Trong thời gian qua,", "Thời gian tới,", "Cùng với đó,", "Bên cạnh đó,", "Đáng chú ý,", "Theo báo cáo của đơn vị,",
           "Từ đầu năm đến nay,", "Thực hiện chỉ đạo của Giám đốc Công an tỉnh,", "Để nâng cao hiệu quả công tác,",
           "Trước tình hình đó,", "Ngay từ đầu năm,", "Qua rà soát,", "Trong tháng {month},", "Thời gian gần đây,", ""]
SUBJECTS = ["{unit}", "Công an các xã, phường", "lực lượng Cảnh sát khu vực", "các đội nghiệp vụ",
            "lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở", "Đoàn Thanh niên Công an tỉnh", "các tổ công tác",
            "cán bộ, chiến sĩ", "Công an {place}", "Ban Chỉ đạo phong trào toàn dân bảo vệ an ninh Tổ quốc",
            "các chi bộ, đoàn thể", "tổ liên gia an toàn"]
VERBS = ["đã chủ động", "tiếp tục", "đẩy mạnh", "tập trung", "thường xuyên", "phối hợp với các ban, ngành để",
         "kịp thời", "kiên trì", "đồng loạt"]
ACTIONS = ["rà soát, nắm chắc tình hình an ninh, trật tự tại các địa bàn trọng điểm",
           "tuyên truyền, vận động người dân chấp hành pháp luật", "tổ chức tuần tra, kiểm soát vào ban đêm",
           "kiểm tra hành chính các cơ sở kinh doanh có điều kiện về an ninh, trật tự",
           "giải quyết dứt điểm các mâu thuẫn, tranh chấp ngay từ cơ sở", "cập nhật, làm sạch dữ liệu dân cư",
           "hướng dẫn người dân cài đặt, sử dụng ứng dụng VNeID", "lập danh sách đối tượng cần quản lý, giáo dục",
           "kiểm tra an toàn phòng cháy tại các {fire_place}", "xây dựng, nhân rộng mô hình “{model}”",
           "tiếp nhận, phân loại và xử lý tin báo về tội phạm {crime}", "vận động người dân giao nộp vũ khí, vật liệu nổ",
           "đến từng hộ gia đình làm thủ tục {procedure}", "tổ chức đối thoại với người dân tại nhà văn hóa",
           "phát hiện, ngăn chặn các hành vi {violation}", "thăm hỏi, tặng quà gia đình chính sách, hộ nghèo",
           "bố trí lực lượng giữ gìn trật tự tại {spot}", "đấu tranh với các đối tượng {crime}",
           "hỗ trợ người dân khắc phục hậu quả thiên tai", "cảnh báo người dân về thủ đoạn {scam}"]
TAILS = ["", "", ", góp phần giữ vững an ninh, trật tự trên địa bàn", ", qua đó phát hiện {n} trường hợp vi phạm",
         ", được nhân dân đồng tình, ủng hộ", " {occasion}", " tại {spot}", ", không để hình thành điểm nóng",
         " theo đúng kế hoạch đề ra", ", nhất là ở các thôn giáp ranh", " với sự tham gia của {big} lượt người"]

SENTENCE_TAILS = ["Công an tỉnh đề nghị người dân tiếp tục theo dõi thông tin trên Cổng thông tin điện tử.",
                  "Bài viết được cập nhật thêm thông tin từ cơ quan chức năng.", "Đơn vị sẽ tiếp tục thông tin kết quả."]


# -- helpers ------------------------------------------------------------------------

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def slugify(text: str) -> str:
    """Same rule as the generator's: 'Công an tỉnh Đồng Nai' → 'cong-an-tinh-dong-nai'."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def person_name(rng: Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVENS)}"


class _Filler:
    """Fills {slot}s in a template from the article's context and the shared rng."""

    SLOT = re.compile(r"\{(\w+)\}")

    def __init__(self, rng: Random, unit: str, campaigns: list[str], year: int):
        self.rng, self.unit, self.campaigns, self.year = rng, unit, campaigns, year

    def value(self, name: str) -> str:
        r = self.rng
        match name:
            case "unit": return self.unit
            case "place": return r.choice(PLACES)
            case "spot": return r.choice(SPOTS)
            case "occasion": return r.choice(OCCASIONS)
            case "crime" | "crime2": return r.choice(CRIMES)
            case "scam": return r.choice(SCAMS)
            case "procedure": return r.choice(PROCEDURES)
            case "platform": return r.choice(PLATFORMS)
            case "violation": return r.choice(VIOLATIONS)
            case "fire_place": return r.choice(FIRE_PLACES)
            case "activity": return r.choice(ACTIVITIES)
            case "model": return r.choice(MODELS)
            case "motto": return r.choice(MOTTOS)
            case "campaign_name":
                pool = self.campaigns or [c[1] for c in CAMPAIGNS]
                return r.choice(pool)
            case "person": return person_name(r)
            case "officer":
                return f"{r.choice(RANKS)} {person_name(r)}, {r.choice(POSTS)}"
            case "year": return str(self.year)
            case "month": return str(r.randint(1, 12))
            case "months": return str(r.randint(3, 11))
            case "date": return f"{r.randint(1, 28)}/{r.randint(1, 12)}"
            case "hour": return str(r.randint(6, 22))
            case "n" | "n2" | "n3": return str(r.randint(2, 48))
            case "big": return f"{r.randint(1, 9)}.{r.randint(0, 999):03d}" if r.random() < 0.5 else str(r.randint(120, 980))
            case "pct": return f"{r.randint(86, 99)},{r.randint(0, 9)}"
            case "pct2" | "pct3" | "pct4": return f"{r.randint(2, 35)},{r.randint(0, 9)}"
            case "money": return str(r.randint(15, 950))
        raise KeyError(name)

    def fill(self, template: str) -> str:
        return self.SLOT.sub(lambda m: self.value(m.group(1)), template)


def _bold(rng: Random, sentence: str) -> str:
    """Now and then bold a phrase, the way editors stress a figure or a warning."""
    if rng.random() < 0.08:
        words = sentence.split()
        if len(words) > 8:
            start = rng.randint(0, len(words) - 5)
            end = start + rng.randint(2, 4)
            phrase = " ".join(words[start:end]).strip(",.;:")
            if phrase and "*" not in phrase:
                return sentence.replace(phrase, f"**{phrase}**", 1)
    return sentence


# -- one article ----------------------------------------------------------------------

def make_body(rng: Random, filler: _Filler, category: str, photos: list[str], link: str | None) -> str:
    deck: list[str] = []

    def sentence() -> str:
        # Written sentences come from a shuffled deck (no repeats until it runs out);
        # half the time a composed one instead.
        if rng.random() < 0.5:
            text = " ".join(p for p in (rng.choice(OPENERS), rng.choice(SUBJECTS), rng.choice(VERBS),
                                           rng.choice(ACTIONS)) if p) + rng.choice(TAILS) + "."
        else:
            if not deck:
                deck.extend(rng.sample(COMMON + BY_CATEGORY[category], len(COMMON) + len(BY_CATEGORY[category])))
            text = deck.pop()
        text = filler.fill(text)
        return _bold(rng, text[0].upper() + text[1:])
    headings = rng.sample(HEADINGS[category], len(HEADINGS[category]))
    blocks: list[str] = []
    words = 0

    def paragraph(sentences: int) -> str:
        nonlocal words
        text = " ".join(sentence() for _ in range(sentences))
        words += len(text.split())
        return text

    blocks.append(paragraph(rng.randint(2, 3)))
    photo_iter = iter(photos)
    section = 0
    while words < WORDS_PER_ARTICLE - 120 and section < len(headings):
        blocks.append(f"## {headings[section]}")
        section += 1
        for _ in range(rng.randint(2, 3)):
            blocks.append(paragraph(rng.randint(3, 5)))
        roll = rng.random()
        if roll < 0.35:
            items = rng.sample(LIST_ITEMS.get(category, GENERIC_LIST), 4)
            numbered = category == "huong-dan-thu-tuc"
            blocks.append("\n".join(f"{i}. {it}" if numbered else f"- {it}" for i, it in enumerate(items, 1)))
            words += sum(len(it.split()) for it in items)
        elif roll < 0.55:
            quote = rng.choice(QUOTES)
            blocks.append(f"> “{quote}”")
            words += len(quote.split())
        elif roll < 0.63:
            year = filler.year
            rows = rng.sample(TABLE_ROWS, 4)
            lines = [f"| Chỉ tiêu | Năm {year - 1} | Năm {year} | Tăng, giảm |", "|---|---:|---:|---:|"]
            for row in rows:
                a, b = rng.randint(20, 900), rng.randint(20, 900)
                lines.append(f"| {row} | {a} | {b} | {(b - a) / a * 100:+.1f}% |")
            blocks.append("\n".join(lines))
            words += 30
        photo = next(photo_iter, None)
        if photo:
            caption = filler.fill(rng.choice(["Lực lượng chức năng làm nhiệm vụ tại {place}",
                                              "Cán bộ, chiến sĩ {unit} tại buổi lễ",
                                              "Tuyên truyền cho người dân {place}"]))
            blocks.append(f"![{caption}]({photo})\n*{caption}. Ảnh: {rng.choice(GIVENS)} {rng.choice(GIVENS)}*")
    for photo in photo_iter:  # more photos than sections: a gallery at the end
        blocks.append(f"![Ảnh hoạt động]({photo})")
    if link:
        blocks.append(f"Xem thêm: [bài viết trước về chủ đề này]({link}).")
    blocks.append(rng.choice(SENTENCE_TAILS))
    return "\n\n".join(blocks) + "\n"


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def make_photo(rng: Random, path: Path) -> None:
    """A 1200×800 JPEG of shapes; no noise functions (they ignore our seed)."""
    from PIL import Image, ImageDraw  # only needed with --photos

    base = tuple(rng.randint(40, 200) for _ in range(3))
    image = Image.new("RGB", (1200, 800), base)
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randint(-100, 1150), rng.randint(-100, 750)
        w, h = rng.randint(40, 500), rng.randint(40, 400)
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)((x, y, x + w, y + h), fill=colour)
    image.save(path, "JPEG", quality=85, optimize=False, progressive=False)


def generate(articles: int, out: Path, photos: int = 0, seed: int = SEED, joint: float = 0.0) -> None:
    """`joint`: the share of articles two units wrote together (`unit: [a, b]`), drawn from a
    stream of its own, so that every other byte is the same as without it."""
    rng = Random(f"{seed}:{articles}:{photos}")
    joint_rng = Random(f"{seed}:{articles}:joint")
    if out.exists():
        shutil.rmtree(out)
    (out / "content").mkdir(parents=True)
    write_site_toml(out / "site.toml")
    start = datetime(2023, 1, 1, 6, 0)
    span_minutes = 3 * 365 * 24 * 60
    written: list[tuple[str, str]] = []  # (file path relative to site, category) of published articles
    used_slugs: set[str] = set()
    # Each unit has a few reporters, so bylines repeat as on a real portal.
    reporters = {slug: [f"{rng.choice(GIVENS)} {rng.choice(GIVENS)}" for _ in range(3)] for slug, _ in UNITS}
    for number in range(1, articles + 1):
        category = CATEGORIES[min(int(rng.random() ** 1.4 * len(CATEGORIES)), len(CATEGORIES) - 1)][0]
        unit_slug, unit_name = rng.choice(UNITS)
        picked = rng.sample(CAMPAIGNS, rng.choice([0, 1, 1, 2, 2, 3]))
        moment = start + timedelta(minutes=rng.randrange(span_minutes // 5) * 5)
        filler = _Filler(rng, unit_name, [c[1] for c in picked], moment.year)
        title = filler.fill(rng.choice(TITLES[category]))
        title = title[0].upper() + title[1:]
        slug = slugify(title)
        own_slug = slug in used_slugs  # a repeated title needs its own 'slug' to get its own URL
        if own_slug:
            slug = f"{slug}-{number}"
        used_slugs.add(slug)
        bundle = rng.random() < 0.5
        rel = f"content/{category}/{slug}/index.md" if bundle else f"content/{category}/{slug}.md"
        photo_names = [f"anh-{i}.jpg" for i in range(1, photos + 1)] if bundle else []
        link = None
        if written and rng.random() < 0.05:
            target = rng.choice(written[-200:])[0]
            link = _relative(rel, target)
        body = make_body(rng, filler, category, photo_names, link)

        front = [f"title: {_yaml_str(title)}"]
        if own_slug:
            front.append(f"slug: {slug}")
        has_time = rng.random() < 0.8
        front.append(f"date: {moment:%Y-%m-%dT%H:%M:00}" if has_time else f"date: {moment:%Y-%m-%d}")
        # Editors write a unit by slug or by its name; the generator accepts both.
        written_unit = unit_slug if rng.random() < 0.7 else _yaml_str(unit_name)
        if joint and joint_rng.random() < joint:  # the second unit: one of the others
            written_unit = f"[{written_unit}, {joint_rng.choice([s for s, _ in UNITS if s != unit_slug])}]"
        front.append(f"unit: {written_unit}")
        front.append(f"category: {category}")
        if picked:
            front.append("campaigns: [" + ", ".join(c[0] for c in picked) + "]")
        front.append(f"author: {_yaml_str(rng.choice(reporters[unit_slug]) + ' - ' + unit_name)}")
        if rng.random() < 0.5:
            lead = body.split("\n\n", 1)[0].replace("**", "")
            front.append(f"summary: {_yaml_str(lead.split('. ')[0].rstrip('.') + '.')}")
        if photo_names:
            front.append(f"image: {photo_names[0]}")
        if rng.random() < 0.05:
            front.append("featured: true")
        draft = rng.random() < 0.01
        if draft:
            front.append("draft: true")
        text = "---\n" + "\n".join(front) + "\n---\n\n" + body
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        for name in photo_names:
            make_photo(rng, path.parent / name)
        if not draft:
            written.append((rel, category))


def _relative(from_rel: str, to_rel: str) -> str:
    import posixpath
    return posixpath.relpath(to_rel, posixpath.dirname(from_rel))


def write_site_toml(path: Path) -> None:
    q = _toml_str
    lines = [
        "# Synthetic benchmark corpus written by bench/corpus.py; regenerate rather than edit.",
        f"title = {q(SITE_TITLE)}",
        'base_url = "https://congan.ninhbinh.example.vn/"',
        'language = "vi"',
        'timezone = "Asia/Ho_Chi_Minh"',
        "per_page = 12",
        "related_count = 5",
        "other_count = 8",
        "",
        "[contact]",
        'hotline = "0229 3871 113"',
        'email = "banbientap@congan.ninhbinh.example.vn"',
        f"address = {q('Số 2 đường Tràng An, phường Hoa Lư, tỉnh ' + PROVINCE)}",
    ]
    for name, url in LINKS:
        lines += ["", "[[links]]", f"name = {q(name)}", f"url = {q(url)}"]
    for slug, name, description in CATEGORIES:
        lines += ["", f"[categories.{slug}]", f"name = {q(name)}", f"description = {q(description)}"]
    for slug, name in UNITS:
        lines += ["", f"[units.{slug}]", f"name = {q(name)}"]
    for slug, name, description in CAMPAIGNS:
        lines += ["", f"[campaigns.{slug}]", f"name = {q(name)}", f"description = {q(description)}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def _toml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a deterministic synthetic site folder for the benchmark.")
    parser.add_argument("--articles", type=int, required=True, help="number of articles")
    parser.add_argument("--out", type=Path, required=True, help="site folder to write (replaced if it exists)")
    parser.add_argument("--photos", type=int, default=0, help="generated JPEG photos per bundle article (default 0)")
    parser.add_argument("--joint", type=float, default=0.0,
                        help="share of articles two units wrote together, unit: [a, b] (default 0)")
    parser.add_argument("--seed", type=int, default=SEED, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.articles < 1 or args.photos < 0 or not 0 <= args.joint <= 1:
        parser.error("--articles must be ≥ 1, --photos ≥ 0 and --joint between 0 and 1")
    generate(args.articles, args.out, args.photos, args.seed, args.joint)
    print(f"wrote {args.articles} articles to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
