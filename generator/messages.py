"""What an editor reads, in Vietnamese or English.

Owns the message catalogue: the terminal lines of `build`, `serve`, `new`
and `check`, and the Vietnamese wording of every problem code. Stages keep
writing their `Problem.message` in English; we translate at display time
by the problem's code (codes never change), so tests and tools that parse
`path:line: severity[code]:` keep working in both languages. Must not
decide what is a problem, and does no I/O.
"""
from __future__ import annotations

import json
import re
from typing import Iterable, Mapping

from generator.diagnostics import Problem, fold_repeated_warnings, one_line
from generator.model import PAGES_DIR
from generator.vietnamese import format_number

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

# Terminal lines. Placeholders are filled with str.format.
TEXTS: Mapping[str, Mapping[str, str]] = {
    "built": {
        "en": "Built {pages} pages from {articles} articles{own}{left} in {seconds} s: {rendered} re-rendered, "
              "{unchanged} unchanged{restored}{removed}{search} → {out}  (to look at it: {view})",
        "vi": "Đã dựng {pages} trang từ {articles} bài viết{own}{left} trong {seconds} giây: {rendered} trang dựng lại, "
              "{unchanged} trang không đổi{restored}{removed}{search} → {out}  (xem: {view})",
    },
    # files of the last output gone (a deleted article's, the search index's replaced parts), not pages
    "removed": {"en": ", {n} old file(s) deleted", "vi": ", xóa {n} tệp cũ"},
    # build --layout-metrics (layout_metrics.py)
    "layouts-title": {"en": "Time per layout, slowest first ({pages} pages rendered):",
                      "vi": "Thời gian của từng tệp giao diện, chậm nhất trước ({pages} trang được dựng):"},
    "layouts-note": {
        "en": "  (summed over the render processes; a layout's time includes the partials it includes and the "
              "layout it extends)",
        "vi": "  (cộng qua các tiến trình dựng; thời gian của mỗi tệp gồm cả các tệp nó include và tệp nó extends)",
    },
    # inputs: the renders include_cached would make (different inputs); outputs: different results
    "layouts-columns": {"en": "total s|mean ms|max ms|calls|inputs|outputs|layout",
                        "vi": "tổng giây|TB ms|lâu nhất ms|lần gọi|đầu vào khác|kết quả khác|tệp giao diện"},
    "layouts-cached": {"en": "  (include_cached: {n} calls)", "vi": "  (include_cached: gọi {n} lần)"},
    "layouts-more": {"en": "  … and {n} more layout(s), each under {seconds} s",
                     "vi": "  … và {n} tệp giao diện khác, mỗi tệp dưới {seconds} giây"},
    "layouts-hint": {
        "en": "Hint: {name} was rendered {calls} times with only {inputs} different inputs: included with "
              "{{{{ include_cached(\"{name}\", …) }}}} it would be rendered {inputs} times "
              "(README, \"Layouts and theme\").",
        "vi": "Gợi ý: {name} được dựng {calls} lần mà chỉ có {inputs} đầu vào khác nhau: gọi bằng "
              "{{{{ include_cached(\"{name}\", …) }}}} thì chỉ phải dựng {inputs} lần (README, mục \"Layouts and theme\").",
    },
    # Pages not rendered but written from the build cache (a new output folder: CI on a fresh clone).
    "restored-pages": {"en": " ({n} taken from the build cache)", "vi": " ({n} trang lấy từ bộ nhớ đệm)"},
    "search-redone": {"en": ", search index: {indexed} of {shards} part(s) redone",
                      "vi": ", chỉ mục tìm kiếm: làm lại {indexed}/{shards} phần"},
    "search-updated": {"en": ", search index: {spliced} of {shards} part(s) updated",
                       "vi": ", chỉ mục tìm kiếm: cập nhật {spliced}/{shards} phần"},
    "search-both": {"en": ", search index: {indexed} redone and {spliced} updated of {shards} part(s)",
                    "vi": ", chỉ mục tìm kiếm: làm lại {indexed}, cập nhật {spliced}/{shards} phần"},
    "search-kept": {"en": ", search index kept", "vi": ", chỉ mục tìm kiếm giữ nguyên"},
    # Some parts' bundles came from the build cache (a new output folder: CI on a fresh clone).
    "search-parts": {"en": ", search index of {shards} part(s): {parts}",
                     "vi": ", chỉ mục tìm kiếm: {parts}/{shards} phần"},
    "search-part-redone": {"en": "{n} redone", "vi": "làm lại {n}"},
    "search-part-updated": {"en": "{n} updated", "vi": "cập nhật {n}"},
    "search-part-restored": {"en": "{n} taken from the build cache", "vi": "lấy từ bộ nhớ đệm {n}"},
    # The line under "built" that says why pages were rendered again (generator/causes.py).
    "why": {"en": "  Why: {causes}", "vi": "  Lý do: {causes}"},
    # A copy with drafts or scheduled articles (--drafts, --future) that search engines may read.
    "list-gone": {
        "en": "  Page gone: {url} ({what} '{slug}' is no longer in site.toml): links and feed subscriptions to it "
              "lead nowhere; keep it with {aliases} in [{table}.{heir}] of site.toml",
        "vi": "  Bỏ trang: {url} ({what} '{slug}' không còn trong site.toml): liên kết và người theo dõi RSS của "
              "nó sẽ gặp trang lỗi; giữ lại bằng {aliases} trong [{table}.{heir}] của site.toml",
    },
    "list-alias-gone": {
        "en": "  Old address gone: {url} (no longer among the aliases of [{table}.{slug}]): links and feed "
              "subscriptions to it lead nowhere; keep it by putting \"{url}\" back in those aliases",
        "vi": "  Bỏ địa chỉ cũ: {url} (không còn trong aliases của [{table}.{slug}]): liên kết và người theo dõi "
              "RSS của nó sẽ gặp trang lỗi; giữ lại bằng cách đưa \"{url}\" trở lại aliases đó",
    },
    "list-gone-articles": {
        "en": " (which also keeps the addresses of its {n} article(s) that moved with it)",
        "vi": " (cũng giữ lại địa chỉ cũ của {n} bài viết chuyển theo chuyên mục)",
    },
    "unreleased": {"en": "  Note: this copy publishes {n} draft(s) or scheduled article(s); if others can reach it, "
                         "build it with --noindex too so that search engines skip it",
                   "vi": "  Lưu ý: bản dựng này đăng {n} bản nháp hoặc bài hẹn giờ; nếu người khác truy cập được, "
                         "hãy dựng thêm --noindex để máy tìm kiếm bỏ qua"},
    "scheduled": {"en": "  Schedule: at {moment} a scheduled article comes due (or one expires); "
                        "the site shows it once built again after that moment",
                  "vi": "  Lịch đăng: lúc {moment} có bài hẹn giờ đến lúc đăng (hoặc bài hết hạn); "
                        "trang chỉ thay đổi khi được dựng lại sau thời điểm đó"},
    "why-first": {"en": "no earlier build of this output to compare with",
                  "vi": "chưa có bản dựng trước của thư mục này để so sánh"},
    "why-upgraded": {"en": "the generator changed since the last build, so nothing it made is reused",
                     "vi": "trình dựng trang đã đổi phiên bản từ lần dựng trước, không dùng lại kết quả cũ"},
    "why-config": {"en": "site.toml changed", "vi": "sửa site.toml"},
    "why-noindex": {"en": "built for search engines to skip (--noindex)",
                    "vi": "dựng bản không cho máy tìm kiếm lập chỉ mục (--noindex)"},
    "why-indexed": {"en": "built for search engines again (without --noindex)",
                    "vi": "dựng lại bản cho máy tìm kiếm lập chỉ mục (không có --noindex)"},
    "why-assets": {"en": "files under assets/ changed (every page links them by version)",
                   "vi": "sửa tệp trong assets/ (mọi trang liên kết tới chúng kèm phiên bản)"},
    "why-address": {"en": "the site's address changed ({old} → {new})", "vi": "đổi địa chỉ trang ({old} → {new})"},
    "preview-warnings": {"en": "⚠ {n} warning(s)", "vi": "⚠ {n} cảnh báo"},
    # A published article at a new address: what links to the old one now finds nothing.
    "moved": {"en": "  Moved: {source} is now at {new}, no longer at {old}: links and shares to the old "
                    "address lead nowhere; keep it with aliases: [{old}] (or set slug: {slug})",
              "vi": "  Đổi địa chỉ: {source} nay ở {new}, không còn ở {old}: liên kết và lượt chia sẻ tới "
                    "địa chỉ cũ sẽ hỏng; giữ lại bằng aliases: [{old}] (hoặc đặt slug: {slug})"},
    # … in another folder (its category changed, or was merged into another): a slug keeps only
    # the last part of the address, so aliases alone give the old one back.
    "moved-folder": {"en": "  Moved: {source} is now at {new}, no longer at {old}: links and shares to the old "
                           "address lead nowhere; keep it with aliases: [{old}]",
                     "vi": "  Đổi địa chỉ: {source} nay ở {new}, không còn ở {old}: liên kết và lượt chia sẻ "
                           "tới địa chỉ cũ sẽ hỏng; giữ lại bằng aliases: [{old}]"},
    "why-layouts": {"en": "{n} layout file(s) changed ({names})", "vi": "sửa {n} tệp giao diện ({names})"},
    "why-layouts-added": {"en": "{n} layout file(s) added ({names})", "vi": "thêm {n} tệp giao diện ({names})"},
    # (the theme's of that name is read again, if it has one)
    "why-layouts-removed": {"en": "{n} layout file(s) removed ({names})", "vi": "bỏ {n} tệp giao diện ({names})"},
    "why-added": {"en": "{n} article(s) added ({names})", "vi": "thêm {n} bài viết ({names})"},
    "why-edited": {"en": "{n} article(s) edited ({names})", "vi": "sửa {n} bài viết ({names})"},
    "why-removed": {"en": "{n} article(s) removed ({names})", "vi": "bỏ {n} bài viết ({names})"},
    "why-pages-added": {"en": "{n} page(s) of their own added ({names})", "vi": "thêm {n} trang giới thiệu ({names})"},
    "why-pages-edited": {"en": "{n} page(s) of their own edited ({names})", "vi": "sửa {n} trang giới thiệu ({names})"},
    "why-pages-removed": {"en": "{n} page(s) of their own removed ({names})", "vi": "bỏ {n} trang giới thiệu ({names})"},
    "why-repaired": {"en": "{n} published page(s) changed or missing", "vi": "{n} trang đã xuất bị sửa hoặc mất"},
    "why-more": {"en": " and {n} more", "vi": " và {n} tệp khác"},
    # After the last shown warning of a kind (diagnostics.fold_repeated_warnings).
    "more-warnings": {"en": "  … and {n} more warning[{code}] (python build.py check lists them all)",
                      "vi": "  … và {n} cảnh báo [{code}] khác (chạy python build.py check để xem hết)"},
    "images": {
        "en": ", {variants} image files from {sources} photos ({encoded} encoded, {cached} cached, {seconds} s)",
        "vi": ", {variants} tệp ảnh từ {sources} ảnh gốc ({encoded} tạo mới, {cached} dùng lại, {seconds} giây)",
    },
    "build-failed": {
        "en": "Build failed: {errors} error(s); the previous output was left untouched.",
        "vi": "Không dựng được trang: {errors} lỗi; bản đã xuất bản trước đó vẫn giữ nguyên.",
    },
    # When the machine, not the editor, failed the build (generator/cli.py).
    "interrupted": {"en": "Interrupted: the published site was left whole.",
                    "vi": "Đã dừng theo yêu cầu: bản đã xuất bản vẫn nguyên vẹn."},
    "worker-died": {
        "en": "a worker process stopped abruptly (the system may have stopped it for lack of memory); "
              "nothing was published. Try again, or with --jobs 1 to use less memory.",
        "vi": "một tiến trình con dừng đột ngột (có thể hệ thống đã dừng nó vì thiếu bộ nhớ); chưa xuất bản gì. "
              "Hãy thử lại, hoặc dùng --jobs 1 để đỡ tốn bộ nhớ.",
    },
    "out-of-memory": {"en": "out of memory; nothing was published. Try --jobs 1 to use less memory.",
                      "vi": "hết bộ nhớ; chưa xuất bản gì. Hãy dùng --jobs 1 để đỡ tốn bộ nhớ."},
    "search-failed": {"en": "the search indexer (Pagefind) failed: {reason}; nothing was published.",
                      "vi": "trình lập chỉ mục tìm kiếm (Pagefind) bị lỗi: {reason}; chưa xuất bản gì."},
    "patch-unfinished": {
        "en": "an earlier build stopped while putting its changes into {out}, and they still cannot be put in "
              "place: {path}: {reason}. Every published file is whole, but some may be older than that build. "
              "Fix the cause, or delete {leftover} and {out} and build again (the whole site is then written anew).",
        "vi": "một lần dựng trước đã dừng giữa chừng khi đưa thay đổi vào {out}, và đến giờ vẫn chưa đưa vào được: "
              "{path}: {reason}. Mọi tệp đã xuất bản đều nguyên vẹn, nhưng có thể có tệp cũ hơn lần dựng đó. Hãy "
              "sửa nguyên nhân, hoặc xóa {leftover} và {out} rồi dựng lại (toàn bộ trang sẽ được ghi mới).",
    },
    "out-folder-read-only": {
        "en": "{folder} cannot be written (read-only), and this build must change files in it: nothing was "
              "changed in {out}. Make it writable (chmod u+w {folder}) and build again.",
        "vi": "không ghi được vào {folder} (chỉ đọc), mà lần dựng này phải thay đổi tệp trong đó: chưa có gì "
              "trong {out} bị thay đổi. Hãy cho phép ghi (chmod u+w {folder}) rồi dựng lại.",
    },
    "io-failed": {"en": "{path}: {reason}; the build stopped and the published site was left whole.",
                  "vi": "{path}: {reason}; đã dừng dựng trang, bản đã xuất bản vẫn nguyên vẹn."},
    # --out that a build must not replace (generator/outguard.py).
    "out-holds-site": {
        "en": "--out {out} is the site folder or holds it ({site}): a build replaces its output folder whole "
              "and would delete the site. Choose a folder of its own, such as {site}/public.",
        "vi": "--out {out} là chính thư mục trang hoặc chứa nó ({site}): mỗi lần dựng, thư mục xuất bản được thay "
              "toàn bộ, nên trang sẽ bị xóa. Hãy chọn một thư mục riêng, ví dụ {site}/public.",
    },
    "out-in-inputs": {
        "en": "--out {out} overlaps {inputs}, which the build reads: a build replaces its output folder whole. "
              "Choose a folder outside content/, layouts/, assets/ and static/.",
        "vi": "--out {out} trùng với {inputs}, nơi bản dựng đọc dữ liệu: mỗi lần dựng, thư mục xuất bản được thay "
              "toàn bộ. Hãy chọn thư mục ngoài content/, layouts/, assets/ và static/.",
    },
    "out-and-cache": {
        "en": "--out {out} overlaps the build cache {cache}: each build would delete the cache. "
              "Keep them apart (--out, --cache-dir).",
        "vi": "--out {out} trùng với bộ nhớ đệm {cache}: mỗi lần dựng sẽ xóa bộ nhớ đệm. "
              "Hãy tách riêng hai thư mục (--out, --cache-dir).",
    },
    "cache-in-site": {
        "en": "--cache-dir {cache} is the site folder, holds it, or overlaps content/, layouts/, assets/ or static/: the "
              "cache deletes files it no longer uses. Choose a folder of its own, such as {site}/.cache.",
        "vi": "--cache-dir {cache} là thư mục trang, chứa nó, hoặc trùng với content/, layouts/, assets/, static/: bộ nhớ "
              "đệm tự xóa các tệp không còn dùng. Hãy chọn một thư mục riêng, ví dụ {site}/.cache.",
    },
    "out-is-file": {"en": "--out {out} is a file, not a folder.",
                    "vi": "--out {out} là một tệp, không phải thư mục."},
    "out-is-mount": {
        "en": "--out {out} is a mount point (a container's volume, a partition of its own): a build makes the new "
              "site beside its output folder and swaps the two, which a mount point cannot be. Build into a folder "
              "inside it (--out {inside}), or mount the folder above it.",
        "vi": "--out {out} là một điểm gắn kết (ổ đĩa của container, một phân vùng riêng): bản dựng tạo trang mới "
              "cạnh thư mục xuất bản rồi hoán đổi hai thư mục, mà điểm gắn kết thì không hoán đổi được. Hãy dựng vào "
              "một thư mục bên trong nó (--out {inside}), hoặc gắn kết thư mục phía trên.",
    },
    "out-parent-read-only": {
        "en": "--out {out}: its parent folder {parent} cannot be written, and a build makes the new site beside its "
              "output folder and swaps the two. Let the build write there, or choose an output folder in a folder "
              "it can write.",
        "vi": "--out {out}: không ghi được vào thư mục cha {parent}, mà bản dựng tạo trang mới cạnh thư mục xuất bản "
              "rồi hoán đổi hai thư mục. Hãy cho phép ghi vào đó, hoặc chọn thư mục xuất bản nằm trong một thư mục "
              "ghi được.",
    },
    "out-read-only": {
        "en": "--out {out} is read-only: a build replaces its output folder whole, and would do so behind its "
              "permissions. Make it writable (chmod u+w) or choose another folder.",
        "vi": "--out {out} chỉ cho đọc: mỗi lần dựng, thư mục xuất bản được thay toàn bộ, bất chấp quyền đó. Hãy cho "
              "phép ghi (chmod u+w) hoặc chọn thư mục khác.",
    },
    "out-on-read-only-disk": {
        "en": "--out {out} is on a file system mounted read-only: nothing can be published there (chmod cannot "
              "change that). Mount it writable (a container's volume without :ro) or choose another folder.",
        "vi": "--out {out} nằm trên ổ đĩa được gắn ở chế độ chỉ đọc: không thể xuất bản vào đó (chmod không đổi "
              "được điều này). Hãy gắn lại ổ cho phép ghi (ổ của container không có :ro) hoặc chọn thư mục khác.",
    },
    "out-foreign": {
        "en": "--out {out} already holds files and is not a portal this generator built (it has no index.html "
              "and robots.txt); a build replaces its output folder whole and would delete them. Choose "
              "a new or empty folder, or empty this one (hidden entries such as .git are kept).",
        "vi": "--out {out} đã có tệp khác và không phải một cổng do chương trình này dựng (không có đủ index.html "
              "và robots.txt); mỗi lần dựng, thư mục xuất bản được thay toàn bộ, nên các tệp đó sẽ bị "
              "xóa. Hãy chọn thư mục mới hoặc trống, hoặc dọn thư mục này trước (các mục ẩn như .git được giữ lại).",
    },
    "waiting-for-build": {
        "en": "Another build (process {pid}) is writing {out}: waiting for it to finish…",
        "vi": "Một bản dựng khác (tiến trình {pid}) đang ghi vào {out}: chờ bản đó xong…",
    },
    "site-is-file": {
        "en": "--site {site} is a file: give the folder that holds site.toml",
        "vi": "--site {site} là một tệp: hãy ghi thư mục chứa site.toml",
    },
    "no-site-dir": {
        "en": "the site folder {site} does not exist",
        "vi": "không có thư mục trang {site}",
    },
    "bad-base-url": {
        "en": "--base-url '{url}' is not an absolute http(s) address; write it whole, e.g. "
              "--base-url https://thu-nghiem.congan.example.vn/",
        "vi": "--base-url '{url}' không phải một địa chỉ http(s) đầy đủ; hãy ghi đủ, ví dụ "
              "--base-url https://thu-nghiem.congan.example.vn/",
    },
    "waiting-for-last-preview": {
        "en": "The preview stopped just now is still keeping its pages: waiting for it (seconds when there are many articles) …",
        "vi": "Phiên xem trước vừa dừng đang lưu lại các trang của nó: đang chờ (vài giây nếu có nhiều bài viết) …",
    },
    "second-preview": {
        "en": "Note: another preview of this site is running (its tab still shows its pages): this one builds "
              "the whole portal into a folder of its own, and each save rebuilds both. Stop the one you do not "
              "use (Ctrl+C in its window).",
        "vi": "Lưu ý: một phiên xem trước khác của trang này đang chạy (thẻ trình duyệt của nó vẫn hiện các trang "
              "của nó): phiên này dựng toàn bộ cổng vào thư mục riêng, và mỗi lần lưu cả hai đều dựng lại. Hãy dừng "
              "phiên không dùng (Ctrl+C ở cửa sổ của nó).",
    },
    "bad-source-date": {
        "en": "SOURCE_DATE_EPOCH='{value}' is not a moment in seconds since 1970 (e.g. $(git log -1 --format=%ct))",
        "vi": "SOURCE_DATE_EPOCH='{value}' không phải một thời điểm tính bằng giây từ năm 1970 "
              "(ví dụ $(git log -1 --format=%ct))",
    },
    "base-url-with-query": {
        "en": "--base-url '{url}' holds a query or a fragment ('?…', '#…'), which every link would carry; "
              "write --base-url {fixed}",
        "vi": "--base-url '{url}' có phần '?…' hay '#…', mọi liên kết sẽ mang theo nó; hãy ghi --base-url {fixed}",
    },
    "base-url-with-page": {
        "en": "--base-url '{url}' ends with a page's file name; write the folder it is in: --base-url {fixed}",
        "vi": "--base-url '{url}' kết thúc bằng tên một tệp trang; hãy ghi thư mục chứa nó: --base-url {fixed}",
    },
    "base-url-with-spaces": {
        "en": "--base-url '{url}' has a space in its path, which no address may hold; write --base-url {fixed}",
        "vi": "--base-url '{url}' có dấu cách trong đường dẫn, điều mà không địa chỉ web nào được có; hãy ghi "
              "--base-url {fixed}",
    },
    "base-url-with-slashes": {
        "en": "--base-url '{url}' has '//' in its path, where every link would begin with '//', a browser's "
              "address of another host; write --base-url {fixed}",
        "vi": "--base-url '{url}' có '//' trong đường dẫn: mọi liên kết sẽ bắt đầu bằng '//', trình duyệt hiểu là "
              "địa chỉ của một máy chủ khác; hãy ghi --base-url {fixed}",
    },
    "no-site-toml-inside": {
        "en": "{site} has no site.toml: it is a folder inside the site {above}; run the command from there "
              "(cd {cd}) or name it with --site {cd}",
        "vi": "{site} không có tệp site.toml: đây là một thư mục bên trong trang {above}; hãy chạy lệnh từ "
              "thư mục đó (cd {cd}) hoặc chỉ nó bằng --site {cd}",
    },
    "no-site-toml": {
        "en": "{site} has no site.toml (use --site to name the site folder; a new portal starts with "
              "python build.py init FOLDER --unit \"Công an tỉnh …\" --base-url https://…/)",
        "vi": "{site} không có tệp site.toml (dùng --site để chỉ thư mục của trang; lập cổng mới bằng lệnh "
              "python build.py init THƯ_MỤC --unit \"Công an tỉnh …\" --base-url https://…/)",
    },
    "serving": {
        "en": "Previewing at {url}  (drafts shown; Ctrl+C to stop)",
        "vi": "Đang xem trước tại {url}  (có hiện bản nháp; nhấn Ctrl+C để dừng)",
    },
    "serving-network": {
        "en": "  on a phone or another computer of the same network: {url}",
        "vi": "  trên điện thoại hoặc máy khác cùng mạng: {url}",
    },
    "port-busy": {
        "en": "cannot listen on {host}:{port}: {reason} (try another --port)",
        "vi": "không mở được cổng {host}:{port}: {reason} (hãy thử --port khác)",
    },
    "serve-wrong-host": {
        "en": "403: this preview answers to localhost, an IP address or this computer's name only; open it "
              "as http://localhost:<port>/",
        "vi": "403: bản xem trước chỉ trả lời khi mở bằng localhost, địa chỉ IP hoặc tên máy này; hãy mở "
              "http://localhost:<cổng>/",
    },
    "serve-exposed": {
        "en": "the preview listens on {host}, not only on this computer: anyone on the network can read "
              "the drafts. Use --host 127.0.0.1 unless that is what you want.",
        "vi": "bản xem trước đang mở tại {host}, không chỉ trên máy này: ai trong cùng mạng cũng đọc được "
              "các bản nháp. Hãy dùng --host 127.0.0.1 nếu không cố ý chia sẻ.",
    },
    "preparing-photos": {
        "en": "Preparing {n} photo(s) for the preview (a first time takes a while) …",
        "vi": "Đang chuẩn bị {n} ảnh cho bản xem trước (lần đầu có thể mất một lúc) …",
    },
    "rebuilt": {
        "en": "Rebuilt in {seconds} s ({changed})",
        "vi": "Đã dựng lại trong {seconds} giây ({changed})",
    },
    "rebuild-failed": {
        "en": "Rebuild failed: {errors} error(s); still serving the last good pages.",
        "vi": "Dựng lại không thành công: {errors} lỗi; vẫn hiển thị bản tốt gần nhất.",
    },
    "first-build-failed": {
        "en": "Build failed: {errors} error(s); no page to show yet: fix them and save.",
        "vi": "Dựng trang không thành công: {errors} lỗi; chưa có trang nào để hiển thị: hãy sửa rồi lưu lại.",
    },
    "first-build-failed-again": {
        "en": "Build failed again: the same {errors} error(s) as above; no page to show yet.",
        "vi": "Dựng trang vẫn không thành công: vẫn {errors} lỗi như trên; chưa có trang nào để hiển thị.",
    },
    "rebuild-failed-again": {
        "en": "Rebuild failed again: the same {errors} error(s) as above; still serving the last good pages.",
        "vi": "Dựng lại vẫn không thành công: vẫn {errors} lỗi như trên; vẫn hiển thị bản tốt gần nhất.",
    },
    "stopped": {"en": "Preview stopped.", "vi": "Đã dừng xem trước."},
    "overlay-title": {
        "en": "The last change could not be built",
        "vi": "Chưa dựng được thay đổi vừa lưu",
    },
    "overlay-note": {
        "en": "You are seeing the last good version of the page. Fix the problems below and save: "
              "the page reloads by itself.",
        "vi": "Bạn đang xem phiên bản tốt gần nhất của trang. Hãy sửa các lỗi dưới đây rồi lưu lại: "
              "trang sẽ tự tải lại.",
    },
    "overlay-title-first": {
        "en": "The site could not be built",
        "vi": "Chưa dựng được trang",
    },
    "overlay-note-first": {
        "en": "There is no page to show yet. Fix the problems below and save: the page reloads by itself.",
        "vi": "Chưa có trang nào để xem. Hãy sửa các lỗi dưới đây rồi lưu lại: trang sẽ tự tải lại.",
    },
    "created": {
        "en": "Created {path} (a draft). Preview it with: python build.py serve{site}",
        "vi": "Đã tạo {path} (bản nháp). Xem trước bằng lệnh: python build.py serve{site}",
    },
    "from-archetype": {
        "en": "Its body is {archetype}'s: fill each part in and delete what does not apply.",
        "vi": "Nội dung bài lấy theo mẫu {archetype}: điền từng phần, xóa phần không dùng đến.",
    },
    "portal-created": {
        "en": "Created the portal \"{title}\" in {folder}: site.toml (its categories, units and campaigns to "
              "complete), a first article as a draft ({article}) and .gitignore. Preview it with: "
              "python build.py serve --site {folder}",
        "vi": "Đã tạo cổng \"{title}\" trong {folder}: site.toml (bổ sung chuyên mục, đơn vị, phong trào), "
              "bài đầu tiên ở dạng bản nháp ({article}) và .gitignore. Xem trước bằng lệnh: "
              "python build.py serve --site {folder}",
    },
    "portal-no-contact": {
        "en": "Write the portal's hotline, e-mail and address in site.toml's [contact] before publishing: "
              "every page shows them at its foot.",
        "vi": "Hãy ghi đường dây nóng, email và địa chỉ của đơn vị vào mục [contact] của site.toml trước khi "
              "đăng: chân mọi trang đều hiện các thông tin này.",
    },
    "imported": {
        "en": "From the Word document: the title \"{title}\", its text and {photos} photo(s). Read it through "
              "before you publish it: set draft: false when it is ready.",
        "vi": "Lấy từ tệp Word: tiêu đề \"{title}\", nội dung và {photos} ảnh. Hãy đọc lại bài trước khi đăng: "
              "sửa thành draft: false khi đã xong.",
    },
    "drawings-skipped": {
        "en": "{n} drawing(s) in a format browsers cannot show (EMF/WMF) were left out: save them as pictures "
              "(PNG or JPEG) beside the article if they are needed.",
        "vi": "Bỏ qua {n} hình vẽ ở định dạng trình duyệt không hiển thị được (EMF/WMF): nếu cần, hãy lưu chúng "
              "thành ảnh PNG hoặc JPEG đặt cạnh bài viết.",
    },
    "preview-scheduled": {
        "en": "{path} is scheduled for {moment}: the preview does not show it before then (python build.py serve "
              "--future shows scheduled articles too).",
        "vi": "{path} hẹn giờ đăng lúc {moment}: bản xem trước chưa hiện bài trước giờ đó (lệnh python build.py serve "
              "--future hiện cả bài hẹn giờ).",
    },
    "preview-expired": {
        "en": "{path} expired at {moment} ('expires'): it is no longer shown, in the preview as on the portal.",
        "vi": "{path} đã hết hạn lúc {moment} ('expires'): bài không còn hiện, ở bản xem trước cũng như trên cổng.",
    },
    "legacy-fonts-converted": {
        "en": "{n} piece(s) of text typed in an old Vietnamese font (.VnTime, VNI-Times) were made Unicode: read "
              "them again.",
        "vi": "Đã chuyển {n} đoạn chữ gõ bằng phông cũ (.VnTime, VNI-Times) sang Unicode: hãy đọc lại các đoạn đó.",
    },
    "signature-left-out": {
        "en": "Its recipients (Nơi nhận) and signature block were left out: a news page does not show them; "
              "write the author as 'author' if the news names one.",
        "vi": "Đã bỏ phần nơi nhận và chữ ký ở cuối văn bản: trang tin không hiện các phần này; nếu cần ghi tác giả, "
              "hãy điền 'author'.",
    },
    "date-from-dateline": {
        "en": "Its date is the day of the document's dateline, \"{dateline}\" ({day}), left out of the text: "
              "change 'date' if the news is published on another day.",
        "vi": "Ngày đăng là ngày ghi ở dòng \"{dateline}\" của văn bản ({day}), dòng này đã được bỏ khỏi nội dung: "
              "hãy sửa 'date' nếu tin đăng vào ngày khác.",
    },
    "header-left-out": {
        "en": "The document's header (its unit, the national motto, number and date) was left out: "
              "a news page shows the unit and the date above the title.",
        "vi": "Đã bỏ phần đầu văn bản (tên đơn vị, quốc hiệu, số và ngày văn bản): trang tin đã hiện đơn vị "
              "và ngày đăng ngay dưới tiêu đề.",
    },
    "unit-from-header": {
        "en": "Its unit, {unit}, is the one the document's header names: change 'unit' if another unit "
              "wrote the news (a list for several).",
        "vi": "Đơn vị của bài là {unit}, theo phần đầu văn bản: hãy sửa 'unit' nếu bài do đơn vị khác viết "
              "(nhiều đơn vị thì ghi thành danh sách).",
    },
    "title-in-capitals-new": {
        "en": "The title is in capitals: write it as a sentence in {path}, with capitals where names need them "
              "(lists, search results and shared links read it more easily).",
        "vi": "Tiêu đề đang viết toàn chữ in hoa: hãy sửa lại trong {path} như một câu, chỉ viết hoa chữ đầu và "
              "tên riêng (ở danh sách, kết quả tìm kiếm và khi chia sẻ, bạn đọc đọc dễ hơn).",
    },
    "new-body": {
        "en": "Write the article here.",
        "vi": "Viết nội dung bài viết ở đây.",
    },
    "checked": {
        "en": "Checked {articles} articles{pages}: {errors} error(s), {warnings} warning(s).",
        "vi": "Đã kiểm tra {articles} bài viết{pages}: {errors} lỗi, {warnings} cảnh báo.",
    },
    # The `list` command (generator/statuses.py): a heading per status, then a line per article.
    "list-future": {"en": "Scheduled ({n}), the next first:", "vi": "Hẹn giờ đăng ({n} bài), bài đăng sớm nhất trước:"},
    "list-expiring": {"en": "To be taken down by their 'expires' ({n}), the soonest first:",
                      "vi": "Sẽ hết hạn, tự gỡ theo 'expires' ({n} bài), bài gỡ sớm nhất trước:"},
    "list-expires-on": {"en": "expires {moment}", "vi": "hết hạn {moment}"},
    "list-draft": {"en": "Drafts ({n}):", "vi": "Bản nháp ({n}):"},
    "list-expired": {"en": "Expired, no longer published ({n}):", "vi": "Hết hạn, không còn đăng ({n} bài):"},
    "list-published": {"en": "Published ({n}):", "vi": "Đang đăng ({n}):"},
    "list-expired-on": {"en": "expired {moment}", "vi": "hết hạn {moment}"},
    "list-never": {"en": "— never published: it expires {moment}, before its date (expires-before-date)",
                   "vi": "— sẽ không được đăng: hết hạn {moment}, trước giờ đăng (expires-before-date)"},
    "list-page": {"en": "page of its own", "vi": "trang giới thiệu"},
    "list-nothing": {"en": "No drafts, scheduled or expired articles: everything is published.",
                     "vi": "Không có bản nháp, bài hẹn giờ hay bài hết hạn: mọi bài đều đang đăng."},
    "list-nothing-all": {"en": "No articles yet.", "vi": "Chưa có bài viết nào."},
    "checked-without-config": {
        "en": "site.toml does not read: the articles were checked for what they say by themselves (front-matter, "
              "merge conflicts, headings); their units, categories, photos and links are checked once site.toml reads.",
        "vi": "site.toml chưa đọc được: các bài viết mới được kiểm tra phần tự thân (phần thông tin đầu bài, chỗ xung "
              "đột khi gộp, tiêu đề); đơn vị, chuyên mục, ảnh và liên kết sẽ được kiểm tra khi site.toml đọc được.",
    },
    "checked-pages": {"en": " and {n} page(s) of their own", "vi": " và {n} trang giới thiệu"},
    "progress": {"en": "{stage}: {done}/{total} pages", "vi": "{stage}: {done}/{total} trang"},
}

# Pipeline stages as the progress line names them.
STAGES: Mapping[str, Mapping[str, str]] = {"render": {"en": "render", "vi": "Dựng trang"}}

# Why articles were left out of a build: reason → (English, Vietnamese).
LEFT_OUT: Mapping[str, Mapping[str, str]] = {
    "draft": {"en": "{n} draft(s) left out", "vi": "{n} bản nháp"},
    "future": {"en": "{n} scheduled article(s) left out", "vi": "{n} bài hẹn giờ đăng"},
    "expired": {"en": "{n} expired article(s) left out", "vi": "{n} bài đã hết hạn"},
}

# Problem code → [(pattern over the English message, Vietnamese template)].
# The last entry of each list has no pattern: the wording when none matches.
_ANY = None
PROBLEMS: Mapping[str, tuple] = {
    "missing-config": ((_ANY, "không có tệp site.toml trong thư mục trang"),),
    "no-articles": (
        (r"there is no .*", "không có thư mục content/ cạnh site.toml: cổng được dựng mà không có bài viết nào"),
        (_ANY, "không có bài viết nào trong content/: cổng được dựng với danh sách tin trống "
               "(mỗi bài là một tệp content/<chuyên-mục>/<tên>.md)"),
    ),
    "nothing-published": (
        (r"no article is published at this build's moment, (.*?): (\d+) scheduled for later \(the first at (.*?)\), "
         r"(\d+) expired",
         "không bài viết nào được đăng tại thời điểm dựng, {0}: {1} bài hẹn giờ đăng sau đó (bài đầu tiên lúc {2}), "
         "{3} bài đã hết hạn; nếu thời điểm này sai, hãy xem lại SOURCE_DATE_EPOCH đã đặt cho lần dựng, hoặc đồng hồ "
         "của máy"),
        (r"no article is published at this build's moment, (.*?): (\d+) scheduled for later, (\d+) expired",
         "không bài viết nào được đăng tại thời điểm dựng, {0}: {1} bài hẹn giờ đăng sau đó, {2} bài đã hết hạn; nếu "
         "thời điểm này sai, hãy xem lại SOURCE_DATE_EPOCH đã đặt cho lần dựng, hoặc đồng hồ của máy"),
    ),
    "not-utf8": ((_ANY, "tệp không phải văn bản UTF-8 (hãy lưu lại dưới dạng UTF-8 trong trình soạn thảo)"),),
    "binary-file": ((_ANY, "tệp chứa dữ liệu nhị phân, không phải văn bản Markdown"),),
    "changed-during-build": ((_ANY, "tệp được lưu lại trong lúc đang dựng trang; hãy dựng lại"),),
    "toml-syntax": (
        (r"the quote opened on this line is never closed; end the value with (.)",
         "site.toml viết sai cú pháp TOML: dấu nháy mở ở dòng này chưa được đóng; hãy kết thúc giá trị bằng {0}"),
        (r"'(.*?)' is followed by ':', as an article's front-matter writes a key; site\.toml writes '=': (.*)",
         "site.toml viết sai cú pháp TOML: sau '{0}' là dấu ':' như phần thông tin đầu bài viết; site.toml dùng "
         "dấu '=': {1}"),
        (r"'(.*?)' is followed by '(=+)', as code compares; site\.toml writes one '=': (.*)",
         "site.toml viết sai cú pháp TOML: sau '{0}' là '{1}' như khi viết mã lệnh; site.toml chỉ viết một dấu '=': {2}"),
        (r"a table's line is written between square brackets: (.*)",
         "site.toml viết sai cú pháp TOML: dòng mở đầu một mục phải nằm trong ngoặc vuông: {0}"),
        (r"a line of site\.toml ends with its value: remove the '(.)' at its end, (.*)",
         "site.toml viết sai cú pháp TOML: mỗi dòng kết thúc ở giá trị của nó; hãy bỏ dấu '{0}' ở cuối dòng: {1}"),
        (r"(.*); if the value is text, write it in quotes: (.*)",
         "site.toml viết sai cú pháp TOML ({0}); nếu giá trị là chữ, hãy đặt nó trong dấu ngoặc kép: {1}"),
        (_ANY, "site.toml viết sai cú pháp TOML: {0}"),
    ),
    "unknown-key": (
        (r"unknown front-matter key '(.*?)'; did you mean '(.*?)'\?", "khóa '{0}' không được hỗ trợ; có phải ý bạn là '{1}'?"),
        (r"unknown front-matter key '(.*?)'", "khóa '{0}' không được hỗ trợ"),
        (r"unknown key '(.*?)'; did you mean '(.*?)'\?", "khóa '{0}' không được hỗ trợ; có phải ý bạn là '{1}'?"),
        (r"unknown key '(.*?)'; a layout's own values go in \[extra\].*",
         "khóa '{0}' không được hỗ trợ; các giá trị riêng cho tệp giao diện đặt trong [extra] (đọc bằng config.extra.…)"),
        (r"unknown key '(.*?)'; the menu is made of the categories.*",
         "khóa '{0}' không được hỗ trợ; thanh menu gồm các chuyên mục; một trang giới thiệu vào menu khi ghi "
         "menu: true ở phần thông tin đầu trang"),
        (r"unknown key '(.*?)'; it goes under the \[contact\] line",
         "khóa '{0}' không được hỗ trợ ở đây: hãy đặt nó dưới dòng [contact]"),
        (r"unknown key '(.*?)'; a line under (.*?) belongs to that table: the portal's '(.*?)' goes under the "
         r"\[contact\] line",
         "khóa '{0}' không được hỗ trợ: dòng nằm dưới {1} thuộc về mục đó; '{2}' của cả cổng phải đặt dưới dòng "
         "[contact]"),
        (r"unknown key '(.*?)'; a line under (.*?) belongs to that table: the portal's '(.*?)' goes at the top",
         "khóa '{0}' không được hỗ trợ: dòng nằm dưới {1} thuộc về mục đó; '{2}' của cả cổng phải đặt ở đầu "
         "site.toml, trên dòng [ ] đầu tiên"),
        (r"unknown key '(.*?)'; '(.*?)' is the whole portal's, set at the top of site\.toml: (.*?) has none of its own",
         "khóa '{0}' không được hỗ trợ: '{1}' là của cả cổng, đặt ở đầu site.toml; {2} không có '{1}' riêng"),
        (r"unknown key '(.*?)'; write (.*)", "khóa '{0}' không được hỗ trợ; hãy ghi {1}"),
        (r"unknown key '(.*?)'", "khóa '{0}' không được hỗ trợ"),
        (_ANY, "khóa không được hỗ trợ: {0}"),
    ),
    "wrong-type": (
        (r"'(.*?)' must be text, not (.+)", "'{0}' phải là chữ, không phải {1}"),
        (r"'(.*?)\.hotline' must be text: put the number in quotes, (.*)",
         "'{0}.hotline' phải là chữ: hãy đặt số trong dấu ngoặc kép, {1}"),
        (r"'(.*?)' must be true or false", "'{0}' phải là true hoặc false"),
        (r"'menu' must be true, false, or the name to show in the header's menu",
         "'menu' phải là true, false, hoặc tên hiện trên thanh chuyên mục ở đầu trang"),
        (r"'weight' must be a whole number: pages are listed from the smallest",
         "'weight' phải là số nguyên: các trang được xếp từ số nhỏ nhất"),
        (r"'(.*?)' must be a whole number, not (.+)", "'{0}' phải là số nguyên (không có phần thập phân), không phải {1}"),
        (r"'(.*?)' must be a string such as (.*), not (.+)", "'{0}' phải là chữ trong dấu ngoặc kép, ví dụ {1}, không phải {2}"),
        (r"'(.*?)' must be a string, not (.+)", "'{0}' phải là chữ trong dấu ngoặc kép, không phải {1}"),
        (r"'(.*?)' must be a string or a list of strings, not (.+)",
         "'{0}' phải là chữ trong dấu ngoặc kép, hoặc danh sách các chữ như thế, không phải {1}"),
        (r"'(.*?)' must be a table, not (.+)", "'{0}' phải là một bảng [{0}], không phải {1}"),
        (r"'(.*?)' must be an array of tables, not (.+)", "'{0}' phải được viết thành các mục [[{0}]], không phải {1}"),
        (r"'(.*?)' must be (?:an array of strings|an array of whole numbers|a list of host names)",
         "'{0}' phải là một danh sách trong dấu [ ]"),
        (r"'(.*?)' must be a table with a name", "'{0}' phải là một bảng có name"),
        (r"'(.*?)' must be a date, not (.+)", "'{0}' phải là ngày tháng, không phải {1}"),
        (r"'(.*?)' must be a mapping", "'{0}' phải gồm các dòng 'khóa: giá trị'"),
        (r"'campaigns' must be a list", "'campaigns' phải là danh sách, ví dụ [dan-van-kheo]"),
        (r"each campaign must be text, not (.+)", "mỗi phong trào phải là chữ, không phải {0}"),
        (r"each unit must be a unit's key or name; this one is empty",
         "mỗi đơn vị phải là khóa hoặc tên của một đơn vị; mục này đang để trống"),
        (r"each unit must be a unit's key or name, not (.+)",
         "mỗi đơn vị phải là khóa hoặc tên của một đơn vị, không phải {0}"),
        (r"each \[\[links\]\] entry must be a table", "mỗi mục [[links]] phải là một bảng có name và url"),
        (_ANY, "giá trị sai kiểu: {0}"),
    ),
    "missing-field": (
        (r"'date' is required", "thiếu 'date' (ví dụ: date: 2026-01-21T09:30:00)"),
        (r"'date' must not be empty", "'date' không được để trống (ví dụ: date: 2026-01-21T09:30:00)"),
        (r"'unit' is required: the list is empty", "thiếu 'unit': danh sách đơn vị đang trống"),
        (r"'(.*?)' must not be empty", "'{0}' không được để trống"),
        (r"'(.*?)' is required", "thiếu '{0}'"),
        (_ANY, "thiếu thông tin bắt buộc: {0}"),
    ),
    "missing-key": ((r"'(.*?)' is required", "thiếu khóa '{0}'"),
                    (r"each \[\[links\]\] entry needs", "mỗi mục [[links]] cần có name và url"),
                    (_ANY, "thiếu khóa bắt buộc: {0}")),
    "cache-not-writable": (
        (r"the build cache cannot be written \((.*?)\):.*",
         "không ghi được vào bộ nhớ đệm của bản dựng ({0}): lần dựng này không dùng nó, nên mất thời gian như lần dựng "
         "đầu; hãy cho phép ghi vào đó, hoặc chỉ định --cache-dir"),
    ),
    "cache-not-saved": (
        (r"the site was published, but the build cache could not be saved \((.*)\): .*",
         "trang đã được xuất bản, nhưng không lưu được bộ nhớ đệm của bản dựng ({0}): lần dựng sau sẽ lâu hơn; hãy "
         "giải phóng dung lượng ở đó, hoặc chỉ định --cache-dir"),
    ),
    "missing-share-image": (
        (r"share_image '(.*?)' is no file this site publishes: put the picture in static/ \((.*?) is published as .*",
         "share_image '{0}' không phải tệp nào trang này xuất bản: hãy đặt ảnh vào static/ ({1} được xuất bản thành {0})"),
        (r"share_image '(.*?)' is not a picture this build can read.*",
         "share_image '{0}' không phải ảnh mà chương trình đọc được (PNG hoặc JPEG)"),
    ),
    "small-share-image": (
        (r"share_image '(.*?)' is (\d+)×(\d+) px.*",
         "share_image '{0}' chỉ {1}×{2} px: Facebook và Zalo không hiện ảnh nhỏ hơn 200×200 px; cỡ 1200×630 px hợp "
         "với mọi mạng"),
    ),
    "share-image-location": (
        (r"share_image '(.*?)' keeps where it was taken",
         "ảnh share_image '{0}' còn ghi nơi chụp (vị trí GPS, cùng các thông tin khác của điện thoại) và được xuất bản "
         "nguyên như vậy: ai mở ảnh cũng đọc được nơi chụp, điều mà ảnh trong bài viết không để lộ; hãy lưu lại ảnh "
         "không kèm vị trí rồi thay tệp"),
    ),
    "photo-location": (
        (r"(\S+) keeps where it was taken",
         "ảnh {0} còn ghi nơi chụp (vị trí GPS, cùng các thông tin khác của điện thoại) và được xuất bản nguyên như "
         "vậy: ai mở ảnh cũng đọc được nơi chụp, điều mà ảnh trong bài viết không để lộ; hãy lưu lại ảnh không kèm "
         "vị trí rồi thay tệp"),
    ),
    "block-not-shown": (
        (r"the block '(.*?)' of the theme's (\S+) \(its line (\d+)\) is in none of the layouts it extends \((.*?)\): "
         r"what it holds is never shown; this layout replaces the theme's (\S+): give it (.*) where it goes",
         "khối (block) '{0}' của tệp {1} trong giao diện mặc định (dòng {2}) không có trong tệp giao diện nào mà nó kế "
         "thừa ({3}): nội dung của nó không bao giờ hiện ra; tệp này thay cho {4} của giao diện mặc định: hãy thêm "
         "{5} vào chỗ nội dung ấy cần hiện"),
        (r"the block '(.*?)' is in none of the layouts this one extends \((.*?)\): what it holds is never shown; "
         r"did you mean '(.*?)'\?",
         "khối (block) '{0}' không có trong tệp giao diện nào mà tệp này kế thừa ({1}): nội dung của nó không bao giờ "
         "hiện ra; có phải ý bạn là '{2}'?"),
        (r"the block '(.*?)' is in none of the layouts this one extends \((.*?)\).*",
         "khối (block) '{0}' không có trong tệp giao diện nào mà tệp này kế thừa ({1}): nội dung của nó không bao giờ "
         "hiện ra"),
    ),
    "language-not-vietnamese": (
        (r"pages say they are in '(.*?)' .*",
         "các trang tự nhận là tiếng '{0}' (<html lang>, tin RSS/Atom) trong khi chữ của giao diện là tiếng Việt: "
         "trình đọc màn hình sẽ đọc bằng giọng của ngôn ngữ đó; hãy ghi language = \"vi\" (muốn thông báo bằng "
         "tiếng Anh: --lang en), hoặc dịch các tệp giao diện"),
    ),
    "bad-value": (
        (r"the unit's name has no letters", "tên đơn vị không có chữ hoặc số để tạo khóa"),
        (r"this is not text as typed", "đây không phải chữ như đã gõ: cửa sổ dòng lệnh gửi các byte không phải UTF-8 "
                                       "(hãy đặt cửa sổ dòng lệnh dùng UTF-8)"),
        (r"'title' ends with README's placeholder '…' \('(.*)'\)",
         "'title' kết thúc bằng dấu '…' để trống trong ví dụ của README ('{0}'): hãy ghi tên đơn vị vào đó"),
        (r"'(.*?)\.name' is README's placeholder '…'",
         "'{0}.name' là dấu '…' để trống trong ví dụ của README: hãy ghi tên mà người đọc sẽ thấy"),
        (r"'(.*?)\.description' is README's placeholder '…'",
         "'{0}.description' là dấu '…' để trống trong ví dụ của README: hãy ghi mô tả, hoặc không ghi mô tả"),
        (r"'(.*?)\.address' is README's placeholder '…'",
         "'{0}.address' là dấu '…' để trống trong ví dụ của README: hãy ghi địa chỉ thật, hoặc không ghi địa chỉ"),
        (r"'title' must not be empty", "'title' không được để trống: đó là tên cổng thông tin trên mọi trang"),
        (r"'(\w+)' must be between (\d+) and (\d+)$", "'{0}' phải là số từ {1} đến {2}"),
        (r"'(.*?)\.other_names' must list names in quotes, e\.g\. (.*)",
         "'{0}.other_names' phải liệt kê các tên trong dấu ngoặc kép, ví dụ {1}"),
        (r"'share_image' must be the path of a file this site publishes.*",
         "'share_image' phải là đường dẫn (tính từ gốc trang) tới một tệp trang này xuất bản, ví dụ "
         "'/anh-chia-se.png' cho tệp static/anh-chia-se.png"),
        (r"'base_url' names no host: '(.*)' is not a host name such as '(.*?)'",
         "'base_url' không có tên miền: '{0}' không phải tên miền như '{1}'; hãy ghi địa chỉ của cổng"),
        (r"'base_url' must be an absolute", "'base_url' phải là địa chỉ đầy đủ bắt đầu bằng https:// (hoặc http://)"),
        (r"'base_url' must not hold a query or a fragment .*; write (.*)",
         "'base_url' không được có phần '?…' hay '#…': mọi liên kết của trang sẽ mang theo nó; hãy ghi {0}"),
        (r"'base_url' ends with a page's file name: write the folder it is in, (.*)",
         "'base_url' kết thúc bằng tên một tệp trang: hãy ghi thư mục chứa nó, {0}"),
        (r"'base_url' has a space in its path, which no address may hold: write (.*)",
         "'base_url' có dấu cách trong đường dẫn, điều mà không địa chỉ web nào được có: hãy ghi {0}"),
        (r"'base_url' has '//' in its path: .*; write (.*)",
         "'base_url' có '//' trong đường dẫn: mọi liên kết sẽ bắt đầu bằng '//', trình duyệt hiểu là địa chỉ của "
         "một máy chủ khác; hãy ghi {0}"),
        (r"unknown time zone '(.*)'", "không có múi giờ '{0}'; ví dụ 'Asia/Ho_Chi_Minh'"),
        (r"'(.*)' is not a language code: Vietnamese is 'vi'", "'{0}' không phải mã ngôn ngữ: tiếng Việt là 'vi'"),
        (r"'(.*)' is not a language code such as 'vi'",
         "'{0}' không phải mã ngôn ngữ như 'vi' (trang web báo cho trình duyệt và trình đọc màn hình)"),
        (r"'(.*?)' holds the invisible control character (U\+[0-9A-F]+), written as a backslash escape",
         "'{0}' có ký tự điều khiển vô hình {1}, viết bằng dấu \\ trong ngoặc kép; tin RSS/Atom không chứa được "
         "ký tự này: hãy xóa nó"),
        (r"'(.*?)' holds the invisible control character (U\+[0-9A-F]+)",
         "'{0}' có ký tự điều khiển vô hình {1} (thường do dán từ Word); hãy xóa nó"),
        (r"'(.*?)\.email': '(.*)' is not an e-mail address", "'{0}.email': '{1}' không phải địa chỉ email, "
                                                               "ví dụ 'banbientap@congan.example.vn'"),
        (r"'(.*?)\.hotline': '(.*)' is two numbers, which a phone would dial as one \((.*?)\) .*give --hotline again",
         "'{0}.hotline': '{1}' là hai số, điện thoại sẽ gọi gộp thành một số ({2}); mỗi số ghi --hotline một lần: "
         "--hotline 113 --hotline \"0221 3862 124\""),
        (r"'(.*?)\.hotline': '(.*)' is two numbers, which a phone would dial as one \((.*?)\)",
         "'{0}.hotline': '{1}' là hai số, điện thoại sẽ gọi gộp thành một số ({2}); nhiều số thì viết thành danh "
         "sách: hotline = [\"113\", \"0221 3862 124\"]"),
        (r"'(.*?)\.hotline': '(.*)' begins with Vietnam's code, 84, without its '\+': a phone would dial (.*?), no "
         r"number; write '(.*)' \(or '(.*)'\)",
         "'{0}.hotline': '{1}' bắt đầu bằng mã nước 84 mà thiếu dấu '+': điện thoại sẽ gọi {2}, không phải số nào; "
         "hãy viết '{3}' (hoặc '{4}')"),
        (r"'(.*?)\.hotline': '(.*)' is not a phone number .*give --hotline again",
         "'{0}.hotline': '{1}' không phải số điện thoại, ví dụ '0221 3862 124' (nhiều số thì ghi --hotline cho "
         "từng số: --hotline 113 --hotline \"0221 3862 124\")"),
        (r"'(.*?)\.hotline': '(.*)' is not a phone number", "'{0}.hotline': '{1}' không phải số điện thoại, ví dụ "
                                                              "'0221 3862 124' (nhiều số thì viết thành danh sách: "
                                                              "hotline = [\"113\", \"0221 3862 124\"])"),
        (r"'(.*)' is neither a web address nor a path on this site; write '(.*?)' \(or '(.*?)'",
         "'{0}' không phải địa chỉ web cũng không phải đường dẫn trong cổng thông tin; hãy viết '{1}' "
         "(hoặc '{2}' nếu là một trang của cổng)"),
        (r"'(.*)': a link must be an http\(s\) URL or a path on this site",
         "'{0}': liên kết phải là địa chỉ http(s) hoặc một đường dẫn trong cổng thông tin"),
        (r"'images\.(\w+)' must list widths", "'images.{0}' phải liệt kê các chiều rộng (pixel) từ 16 đến 8000"),
        (r"'images\.formats' may list (.*) and must", "'images.formats' chỉ gồm {0} và phải có jpeg (định dạng dự phòng)"),
        (r"'images\.(\w+)' must be between (\d+) and (\d+)", "'images.{0}' phải là số từ {1} đến {2}"),
        (r"'images\.thumbnail_ratio' must look like \"3:2\", not '(.*)'",
         "'images.thumbnail_ratio' phải viết như \"3:2\", không phải '{0}'"),
        (r"'images\.focal_point' must be two percentages such as \"50% 30%\", not '(.*)'",
         "'images.focal_point' phải là hai tỷ lệ phần trăm như \"50% 30%\", không phải '{0}'"),
        (r"'security\.iframe_hosts': (.*) is not a host name",
         "'security.iframe_hosts': {0} không phải tên máy chủ như 'www.youtube-nocookie.com'"),
        (r"the value of '(.*?)' cannot be read: (.*)", "không đọc được giá trị của '{0}': {1}"),
        (r"a front-matter value cannot be read: (.*)", "không đọc được một giá trị trong phần thông tin: {0}"),
        (_ANY, "giá trị không hợp lệ: {0}"),
    ),
    "bad-slug": (
        (r"the slug is (\d+) characters long; keep it under (\d+)", "'slug' dài {0} ký tự; hãy viết ngắn hơn {1} ký tự"),
        (r"'(.*?)' gives an empty slug", "'{0}' không tạo được đường dẫn: hãy dùng chữ cái hoặc chữ số"),
        (r"'(.*?)': a key must be a slug such as '(.*?)'",
         "'{0}': khóa phải viết thường, không dấu, nối bằng dấu gạch ngang, ví dụ '{1}'"),
        (r"'(.*?)' is a name Windows keeps for a device: .*; write another, e.g. slug: (\S+)",
         "'{0}' là tên Windows dành cho thiết bị: trên Windows không thư mục nào được đặt tên này, và bản xem trước trên "
         "máy Windows không dựng được; hãy viết tên khác, ví dụ slug: {1}"),
        (_ANY, "không tạo được đường dẫn (slug): {0}"),
    ),
    "reserved-slug": ((r"'(.*?)' is a URL", "'{0}' là đường dẫn cổng thông tin đã dùng; hãy chọn tên khác"),
                      (r"'(.*?)' is a name Windows keeps for a device",
                       "'{0}' là tên Windows dành cho thiết bị: trên Windows không thư mục nào được đặt tên này, và "
                       "bản xem trước trên máy Windows không dựng được; hãy chọn tên khác"),),
    "missing-front-matter": ((_ANY, "bài viết phải bắt đầu bằng phần thông tin (front-matter) giữa hai dòng '---' "
                                    "(YAML; hoặc TOML giữa hai dòng '+++')"),),
    "unclosed-front-matter": ((r".*never closed with '(.*)'", "phần thông tin mở ở dòng 1 chưa được đóng bằng dòng '{0}'"),),
    "section-index": ((_ANY, "tệp _index.md không được đọc: tên và mô tả của chuyên mục đặt trong site.toml "
                             "([categories.<khóa>])"),),
    "bundle-holds-articles": ((r"this folder holds other articles too \((\S+)(?: and ([\d,]+) more)?\).*its own, (\S+), or",
                               "thư mục này còn chứa bài viết khác ({0}…): bài viết tên index.md chiếm cả thư mục "
                               "của nó; hãy cho nó một thư mục riêng, {2}, hoặc đổi tên thành <tên>.md"),),
    "toml-front-matter": ((r"front-matter is not valid TOML: (.*)", "phần thông tin (TOML, giữa hai dòng '+++') viết sai "
                                                                    "cú pháp: {0}"),),
    "yaml-syntax": (
        (r"front-matter is not valid YAML: (.*); if the value is text, put it in quotes: (.*)",
         "phần thông tin viết sai cú pháp YAML ({0}); nếu giá trị là chữ, hãy đặt nó trong dấu nháy: {1}"),
        (r"front-matter is not valid YAML: this line is indented with a tab",
         "phần thông tin viết sai cú pháp YAML: dòng này lùi vào bằng phím Tab; hãy lùi vào bằng dấu cách"),
        (r"front-matter is not valid YAML: the bracket opened on this line is never closed; end the value with (.)",
         "phần thông tin viết sai cú pháp YAML: dấu ngoặc mở ở dòng này chưa được đóng; hãy kết thúc giá trị bằng {0}"),
        (r"front-matter is not valid YAML: the quote opened on this line is never closed; end the value with (.)",
         "phần thông tin viết sai cú pháp YAML: dấu nháy mở ở dòng này chưa được đóng; hãy kết thúc giá trị bằng {0}"),
        (r"front-matter is not valid YAML: this line is not 'key: value'",
         "phần thông tin viết sai cú pháp YAML: dòng này không phải 'khóa: giá trị'; nếu nội dung bài bắt đầu từ "
         "đây thì còn thiếu dòng '---' đóng phần thông tin ở phía trên"),
        (r"front-matter is not valid YAML: a space must follow the ':' after a key: (.*)",
         "phần thông tin viết sai cú pháp YAML: sau dấu ':' của khóa phải có một dấu cách: {0}"),
        (r"front-matter is not valid YAML: (.*)", "phần thông tin viết sai cú pháp YAML: {0}"),
        (r"front-matter contains the control character (U\+[0-9A-F]+)",
         "phần thông tin có ký tự điều khiển vô hình {0} (thường do dán từ Word), YAML không cho phép; hãy xóa nó"),
    ),
    "empty-body": ((_ANY, "bài viết chưa có nội dung: trang của bài sẽ chỉ có tiêu đề"),),
    "placeholder-text": ((r"the summary is README's placeholder '…'",
                          "'summary' là dấu '…' để trống trong ví dụ của README: hãy viết một hoặc hai câu tóm tắt "
                          "(hoặc bỏ dòng summary: đoạn văn đầu tiên được dùng)"),
                         (r"the body still holds '(.*)', which", "bài viết vẫn còn dòng '{0}' do lệnh 'new' viết sẵn để "
                                                                 "bạn thay: hãy viết nội dung vào đó (hoặc giữ draft: true)"),
                         (r"this line holds only '…', a blank of the article's skeleton to fill in \(and (\d+) more",
                          "dòng này chỉ có '…', chỗ trống của bài mẫu để điền (còn {0} dòng như vậy nữa): hãy viết nội "
                          "dung vào đó, hoặc xóa dòng (hoặc giữ draft: true)"),
                         (r"this line holds only '…'", "dòng này chỉ có '…', chỗ trống của bài mẫu để điền: hãy viết "
                                                       "nội dung vào đó, hoặc xóa dòng (hoặc giữ draft: true)"),),
    "lost-value": (
        (r"'(.*?)' has no value: YAML reads '(.*)' as a comment; to keep the text, put it in quotes: (.*)",
         "'{0}' không có giá trị: YAML coi '{1}' là chú thích; để giữ chữ này, hãy đặt nó trong dấu nháy: {2}"),
        (r"'(.*?)' has no value: YAML reads '(.*)' as an anchor name; to keep the text, put it in quotes: (.*)",
         "'{0}' không có giá trị: YAML coi '{1}' là tên neo; để giữ chữ này, hãy đặt nó trong dấu nháy: {2}"),
    ),
    "front-matter-not-mapping": ((_ANY, "phần thông tin phải gồm các dòng 'khóa: giá trị'"),),
    "yaml-alias": ((_ANY, "không được dùng neo và bí danh YAML (&, *) trong phần thông tin"),),
    "front-matter-too-large": ((_ANY, "phần thông tin quá lớn"),),
    "duplicate-key": ((r"'(.*?)' is given twice \(first on line (\d+)\); a line under (.*?) belongs to that table: "
                       r"the portal's '(.*?)' goes at the top",
                       "'{0}' được khai báo hai lần (lần đầu ở dòng {1}); dòng nằm dưới {2} thuộc về mục đó: '{3}' của "
                       "cả cổng phải đặt ở đầu site.toml, trên dòng [ ] đầu tiên"),
                      (r"'(.*?)' is given twice \(first on line (\d+)\)", "'{0}' được khai báo hai lần (lần đầu ở dòng {1})"),),
    "bad-date": (
        (r"'(.*?)' must be a date, not (.+)", "'{0}' phải là ngày tháng, không phải {1}"),
        (r"'(.*?)' is not a date: there is no month (\d+)$", "'{0}' không phải ngày tháng: không có tháng {1}"),
        (r"'(.*?)' is not a date: there is no day (\d+)$", "'{0}' không phải ngày tháng: không có ngày {1}"),
        (r"'(.*?)' is not a date: there is no year (\d+)$", "'{0}' không phải ngày tháng: không có năm {1}"),
        (r"'(.*?)' is not a date: (\d+)/(\d+) has (\d+) days", "'{0}' không phải ngày tháng: tháng {1}/{2} chỉ có {3} ngày"),
        (r"'(.*?)' is not a date: there is no hour (\d+)", "'{0}' không phải ngày tháng: không có {1} giờ (giờ chỉ từ 0 đến 23)"),
        (r"'(.*?)' is not a date: there is no minute (\d+)",
         "'{0}' không phải ngày tháng: không có phút thứ {1} (phút chỉ từ 0 đến 59)"),
        (r"'(.*?)' is not a date: there is no second (\d+)",
         "'{0}' không phải ngày tháng: không có giây thứ {1} (giây chỉ từ 0 đến 59)"),
        (r"'(.*?)' is not a date: there is no offset (.*)", "'{0}' không phải ngày tháng: không có múi giờ {1}"),
        (r"'(.*?)' is not a date: write the year with its four digits \((\d+), not (\d+)\)",
         "'{0}' không phải ngày tháng: hãy viết năm đủ bốn chữ số ({1}, không phải {2})"),
        (r"'(.*?)' is not a date", "'{0}' không phải ngày tháng; hãy viết 2026-01-21, 2026-01-21T09:30:00 hoặc 21/01/2026 09:30"),
        (r"'(.*?)' names the wrong day of the week: (.*?) is a (.*?), not a (.*)",
         "'{0}' ghi sai thứ: ngày {1} là {2}, không phải {3}"),
        (r"'(.*?)' is beyond the last or before the first date",
         "'{0}' nằm ngoài khoảng ngày tháng mà lịch biểu diễn được"),
        (_ANY, "ngày tháng không hợp lệ: {0}"),
    ),
    "unknown-unit": (
        (r"'(.*?)' is the name of (\d+) units \((.*?)\); write the key", "'{0}' là tên của {1} đơn vị ({2}); "
                                                                        "hãy ghi khóa của đơn vị bạn muốn chọn"),
        (r"'(.*?)' is short for the names of (\d+) units \((.*?)\); write the key",
         "'{0}' là tên viết tắt của {1} đơn vị ({2}); hãy ghi khóa của đơn vị bạn muốn chọn"),
        (r"unknown unit '(.*?)'; did you mean '(.*?)'\?", "không có đơn vị '{0}'; có phải ý bạn là '{1}'?"),
        (r"unknown unit '(.*?)' \(declared in site.toml: (.*)\)$",
         "không có đơn vị '{0}' trong site.toml (các khóa đã khai báo: {1})"),
        (r"unknown unit '(.*?)' \(site.toml declares none\)$",
         "không có đơn vị '{0}': site.toml chưa khai báo đơn vị nào"),
        (r"unknown unit '(.*?)'", "không có đơn vị '{0}' trong site.toml"),
    ),
    "no-contact": (
        (r"the footer of every page gives no (hotline and no e-mail|hotline|e-mail): write (.*) under (?:the|a) "
         r"\[contact\] line(, without the # at the start of those lines)?$",
         lambda missing, example, commented: (
             f"chân mọi trang không có {_CONTACT_VI[missing]}: hãy ghi {example} dưới dòng [contact]"
             + (" và bỏ dấu # ở đầu các dòng đó" if commented else ""))),
    ),
    "other-name-taken": (
        (r"'(.*?)' gives '(.*?)', the key of (\[.*?\]): an article writing it is listed under (\S+), not (\S+); "
         r"remove it from other_names, or remove (\[.*?\])",
         "'{0}' ghi '{1}', cũng là khóa của {2}: bài viết ghi tên này được xếp vào {3}, không phải {4}; hãy bỏ tên "
         "đó khỏi other_names, hoặc bỏ {5} nếu việc sắp xếp lại đã thay thế nó"),
        (r"'(.*?)' gives '(.*?)', the name of (\[.*?\]): an article writing it is told the name is shared, not "
         r"listed under (\S+); remove it from other_names, or remove (\[.*?\])",
         "'{0}' ghi '{1}', cũng là tên của {2}: bài viết ghi tên này bị báo là tên dùng chung, không được xếp vào "
         "{3}; hãy bỏ tên đó khỏi other_names, hoặc bỏ {4} nếu việc sắp xếp lại đã thay thế nó"),
    ),
    "unknown-category": (
        (r"'(.*?)' is the name of (\d+) categories \((.*?)\); write the key", "'{0}' là tên của {1} chuyên mục ({2}); "
                                                                        "hãy ghi khóa của chuyên mục bạn muốn chọn"),
        (r"'(.*?)' is short for the names of (\d+) categories \((.*?)\); write the key",
         "'{0}' là tên viết tắt của {1} chuyên mục ({2}); hãy ghi khóa của chuyên mục bạn muốn chọn"),
        (r"unknown category '(.*?)'; did you mean '(.*?)'\?", "không có chuyên mục '{0}'; có phải ý bạn là '{1}'?"),
        (r"unknown category '(.*?)' \(declared in site.toml: (.*)\)$",
         "không có chuyên mục '{0}' trong site.toml (các khóa đã khai báo: {1})"),
        (r"unknown category '(.*?)' \(site.toml declares none\)$",
         "không có chuyên mục '{0}': site.toml chưa khai báo chuyên mục nào"),
        (r"unknown category '(.*?)'", "không có chuyên mục '{0}' trong site.toml"),
    ),
    "unknown-campaign": (
        (r"'(.*?)' is the name of (\d+) campaigns \((.*?)\); write the key", "'{0}' là tên của {1} phong trào ({2}); "
                                                                        "hãy ghi khóa của phong trào bạn muốn chọn"),
        (r"'(.*?)' is short for the names of (\d+) campaigns \((.*?)\); write the key",
         "'{0}' là tên viết tắt của {1} phong trào ({2}); hãy ghi khóa của phong trào bạn muốn chọn"),
        (r"unknown campaign '(.*?)'; did you mean '(.*?)'\?", "không có phong trào '{0}'; có phải ý bạn là '{1}'?"),
        (r"unknown campaign '(.*?)' \(declared in site.toml: (.*)\)$",
         "không có phong trào '{0}' trong site.toml (các khóa đã khai báo: {1})"),
        (r"unknown campaign '(.*?)' \(site.toml declares none\)$",
         "không có phong trào '{0}': site.toml chưa khai báo phong trào nào"),
        (r"unknown campaign '(.*?)'", "không có phong trào '{0}' trong site.toml"),
    ),
    "duplicate-url": (
        (r"this article and (.*?) would both be published at (\S+) \((this (?:article|page)'s title|the title of (.*?)), '(.*)', "
         r"gives (\S+), not (\S+), a name Windows keeps for a device\);.*\(e\.g\. (slug: \S+)\)",
         lambda others, url, whose, source, title, slug, made, example:
         f"bài viết này và {others} sẽ cùng xuất bản tại {url} (tiêu đề "
         f"{'của bài này' if source is None else 'của ' + source}, '{title}', cho đường dẫn {slug}, không phải "
         f"{made}, vì {made} là tên Windows dành cho thiết bị); hãy đổi tiêu đề hoặc đặt 'slug' khác (ví dụ {example})"),
        (r"this article and (.*?) would both be published at (\S+); change the title of .* or set its 'slug': this "
         r"article's file is named for the address",
         "bài viết này và {0} sẽ cùng xuất bản tại {1}; hãy đổi tiêu đề hoặc đặt 'slug' khác cho {0}: tệp của bài này "
         "mang tên địa chỉ đó, nhiều khả năng bài này có địa chỉ trước (đổi địa chỉ của nó sẽ làm hỏng các liên kết "
         "tới bài)"),
        (r"this article and (.*?) would both be published at (\S+);.*\(e\.g\. (slug: \S+)\)",
         "bài viết này và {0} sẽ cùng xuất bản tại {1}; hãy đổi tiêu đề hoặc đặt 'slug' khác (ví dụ {2})"),
        (r"this article and (.*?) would both be published at (\S+);",
         "bài viết này và {0} sẽ cùng xuất bản tại {1}; hãy đổi tiêu đề hoặc đặt 'slug' khác"),
    ),
    "bad-alias": (
        (r"'aliases' must be a list", "'aliases' phải là danh sách địa chỉ cũ, ví dụ [/tin-tuc/123.html]"),
        (r"'(.*?)' is no address \(its host is written between '\[' and '\]'\)",
         "'{0}' không phải một địa chỉ (tên miền viết trong '[' và ']'): hãy ghi địa chỉ của trang cũ"),
        (r"'(\S+)' must be a list of old addresses in quotes, e\.g\. (.*)$",
         "'{0}' phải là danh sách địa chỉ cũ đặt trong ngoặc kép, ví dụ {1}"),
        (r"'(.*?)' is not a usable old URL.*under (\d+) bytes",
         "'{0}' không dùng được làm địa chỉ cũ: hãy viết đường dẫn như /tin-tuc/bai-cu.html "
         "(không có #neo hay dấu \\; mỗi phần dưới {1} byte)"),
        (r"'(.*?)' has a query that is empty, or names a value twice or not at all",
         "phần ?tham số của '{0}' trống, hoặc có giá trị không tên hay một tên ghi hai lần: mỗi tên=giá trị chỉ ghi một lần"),
        (r"'(.*?)' names a hidden file or folder",
         "'{0}' là tệp hoặc thư mục ẩn (tên bắt đầu bằng '.'), máy chủ web giữ cho riêng mình và không cho bạn đọc "
         "xem (Apache đọc .htaccess làm cấu hình của nó): hãy bỏ nó đi"),
        (r"'(.*?)' holds '(.*?)', a name Windows keeps for a device",
         "'{0}' có '{1}', tên Windows dành cho thiết bị: trên Windows không tạo được thư mục hay tệp của trang "
         "chuyển hướng, và bản xem trước trên máy Windows không dựng được; hãy bỏ nó đi"),
        (r"'(.*?)' is the home page with a query",
         "'{0}' là Trang chủ kèm ?tham số: Trang chủ thuộc cổng thông tin mới, không thể chuyển hướng theo tham số; "
         "hãy ghi địa chỉ cũ của chính trang bài viết"),
    ),
    "video-format": (
        (r"the video '(.*?)' is a \.mov file",
         "video '{0}' là tệp .mov (như iPhone quay): nhiều điện thoại Android và máy tính Windows không phát được; "
         "hãy lưu lại dạng MP4 (H.264) và dùng tệp đó"),
    ),
    "large-video": (
        (r"the video '(.*?)' is ([\d,]+) MB.*under (\d+) MB",
         "video '{0}' nặng {1} MB, quá nặng để người đọc tải về điện thoại qua mạng chậm (nên dưới {2} MB); "
         "hãy đăng lên YouTube rồi dán địa chỉ video thành một dòng riêng"),
    ),
    "missing-choice": (
        (r"choose the article's category with --category, by its key or name: (.*)",
         "hãy chọn chuyên mục của bài bằng --category, ghi khóa hoặc tên: {0}"),
        (r"choose the article's unit with --unit, by its key or name: (.*)",
         "hãy chọn đơn vị của bài bằng --unit, ghi khóa hoặc tên: {0}"),
        (r"site.toml declares no (\w+)", "site.toml chưa khai báo {0} nào; hãy thêm trước"),
    ),
    "unused-layout": (
        (r"no page uses this layout: the theme has no layout '(.*)' for it to replace, and no layout includes it; "
         r"did you mean '(.*)'\?$",
         "không trang nào dùng tệp giao diện này: giao diện mặc định không có tệp '{0}' để nó thay thế, và không tệp "
         "giao diện nào gọi đến nó; có phải ý bạn là '{1}'?"),
        (r"no page uses this layout: the theme has no layout '(.*)' for it to replace, and no layout includes it$",
         "không trang nào dùng tệp giao diện này: giao diện mặc định không có tệp '{0}' để nó thay thế, và không tệp "
         "giao diện nào gọi đến nó"),
    ),
    "missing-file": (
        (r"(.*): (.*) is a photo an article shows, published as its resized copies only \(in images/\), not at this "
         r"address: the pages show without it; give the stylesheet a copy of its own, under another name",
         "{0}: {1} là ảnh một bài viết dùng, chỉ được xuất bản thành các bản thu nhỏ (trong images/), không có ở địa "
         "chỉ này: các trang sẽ hiện thiếu nó; hãy để cho tệp CSS một bản sao riêng, đặt tên khác"),
        (r"(.*): no file (.*) is published \(from assets/ or static/\): the pages show without it",
         "{0}: không có tệp {1} nào được xuất bản (trong assets/ hay static/): các trang sẽ hiện thiếu nó"),
        (r"(.*) is outside the portal's path (\S+) \(base_url\): write it from this stylesheet's folder, "
         r"as (.*)",
         "{0} nằm ngoài đường dẫn {1} của cổng (base_url): hãy viết đường dẫn tính từ thư mục của tệp CSS "
         "này, là {2}"),
    ),
    "large-file": (
        (r"this image is (.*?), and is published as it is .* under (\d+ KB)$",
         "ảnh này nặng {0} và được xuất bản nguyên như vậy (ảnh trong assets/ không được thu nhỏ như ảnh của bài "
         "viết): điện thoại của bạn đọc phải tải cả tệp qua mạng chậm; hãy lưu lại ảnh ở đúng cỡ nó hiện trên trang "
         "(gấp đôi cho màn hình sắc nét), dưới {1}"),
        (r"this document is (.*?), more than .*\(keep it under (\d+) MB\)",
         "tài liệu này nặng {0}, quá nặng để người đọc tải về điện thoại qua mạng chậm (nên dưới {1} MB): "
         "hãy quét ở 150 dpi, ảnh xám, hoặc lưu lại tệp PDF ở chế độ giảm dung lượng"),
    ),
    "title-in-capitals": ((_ANY, "tiêu đề viết toàn chữ in hoa: ở danh sách, kết quả tìm kiếm và khi chia sẻ, bạn đọc "
                                 "đọc dễ hơn khi tiêu đề viết như một câu, chỉ viết hoa chữ đầu và tên riêng "
                                 "('Công an tỉnh ra quân …')"),),
    "old-font-text": (
        (r"this paragraph reads as text typed in an old Vietnamese font \(TCVN3 \.VnTime or VNI-Times\), '(.*)': ",
         "đoạn này trông như gõ bằng phông chữ cũ (TCVN3 .VnTime hoặc VNI-Times), '{0}': bạn đọc sẽ thấy các ký hiệu "
         "lạ; hãy chuyển sang Unicode (Unikey: Ctrl+Shift+F6) rồi dán lại"),
        (r"the (title|summary) reads as text typed in an old Vietnamese font \(TCVN3 \.VnTime or VNI-Times\), '(.*)': ",
         "'{0}' trông như gõ bằng phông chữ cũ (TCVN3 .VnTime hoặc VNI-Times), '{1}': hãy chuyển sang Unicode "
         "(Unikey: Ctrl+Shift+F6)"),
    ),
    "garbled-text": (
        (r"this paragraph reads as text that the old portal's database or export read in another encoding, as "
         r"Windows-1252, '(.*)', which says '(.*)': ",
         "đoạn này là chữ bị cơ sở dữ liệu hoặc công cụ xuất bài của cổng cũ đọc sai bảng mã, thành Windows-1252, "
         "'{0}', đúng ra là '{1}': bạn đọc sẽ thấy các ký hiệu lạ; hãy xuất lại bài ở dạng UTF-8 (MySQL: utf8mb4), "
         "hoặc viết lại đúng chữ"),
        (r"the (title|summary) reads as text .* Windows-1252, '(.*)', which says '(.*)': ",
         "'{0}' là chữ bị cổng cũ đọc sai bảng mã, thành Windows-1252, '{1}', đúng ra là '{2}': hãy viết lại cho đúng"),
    ),
    "bad-related": (
        (r"'related' must be a list", "'related' phải là danh sách bài viết, ví dụ [../vu-an/index.md]"),
        (r"each related article is the path of its file, not (.+)",
         "mỗi bài liên quan là đường dẫn tới tệp .md của bài, không phải {0}"),
    ),
    "unknown-related": (
        (r"'related' names '(.*?)' \((.*?)\), which is no article; did you mean '(.*?)'\?",
         "'related' ghi '{0}' ({1}) nhưng không có bài viết nào ở đó; có phải ý bạn là '{2}'?"),
        (r"'related' names '(.*?)' \((.*?)\), which is no article",
         "'related' ghi '{0}' ({1}) nhưng không có bài viết nào ở đó (hãy ghi đường dẫn tới tệp .md của bài, "
         "như khi viết liên kết tới bài)"),
        (r"'related' names (.*), looked for at its path (\S+), where no article is published; did you mean '(.*?)'\?",
         "'related' ghi {0}, tìm theo đường dẫn {1} của địa chỉ đó nhưng không có bài viết nào đăng ở đó; "
         "có phải ý bạn là '{2}'?"),
        (r"'related' names (.*), looked for at its path (\S+), where no article is published",
         "'related' ghi {0}, tìm theo đường dẫn {1} của địa chỉ đó nhưng không có bài viết nào đăng ở đó "
         "(hãy ghi đường dẫn tới tệp .md của bài)"),
        (r"'related' names (\S+), where no article is published; did you mean '(.*?)'\?",
         "'related' ghi {0} nhưng không có bài viết nào đăng ở địa chỉ đó; có phải ý bạn là '{1}'?"),
        (r"'related' names (\S+), where no article is published",
         "'related' ghi {0} nhưng không có bài viết nào đăng ở địa chỉ đó (hãy ghi đường dẫn tới tệp .md của bài)"),
    ),
    "related-self": ((_ANY, "'related' ghi chính bài này; bài không tự liên quan tới mình nên được bỏ qua"),),
    "page-key-on-article": (
        (r"'(.*?)' is read only on a page of its own", "'{0}' chỉ dùng cho trang giới thiệu, trong thư mục content/trang/ "
                                                      "(Giới thiệu, Liên hệ); bài viết được xếp theo chuyên mục và ngày đăng"),
    ),
    "news-key-on-page": (
        (r"'(.*?)' is not read on a page of its own", "'{0}' không dùng cho trang giới thiệu: thư mục content/trang/ "
                                                     "chứa các trang như Giới thiệu, Liên hệ, không phải tin bài; muốn "
                                                     "đăng tệp này thành bài viết, hãy chuyển nó sang thư mục khác "
                                                     "trong content/"),
    ),
    "page-url-taken": (
        (r"(\S+) is the address of the category '(.*?)'; give the page another 'slug'",
         "{0} là địa chỉ của chuyên mục '{1}'; hãy đặt 'slug' khác cho trang"),
        (r"(\S+) is an address the portal uses itself; give the page another 'slug'",
         "{0} là địa chỉ cổng thông tin tự dùng; hãy đặt 'slug' khác cho trang"),
        (r"(\S+) is also the address of the page (\S+) \((this page's title|its title), '(.*)', "
         r"gives (\S+), not (\S+), a name Windows keeps for a device\);",
         lambda url, other, whose, title, slug, made:
         f"{url} cũng là địa chỉ của trang {other} (tiêu đề {'của trang này' if whose.startswith('this') else 'của trang đó'}, "
         f"'{title}', cho đường dẫn {slug}, không phải {made}, vì {made} là tên Windows dành cho thiết bị); hãy đặt "
         "'slug' khác cho một trong hai trang"),
        (r"(\S+) is also the address of the page (\S+); give one of them another 'slug'",
         "{0} cũng là địa chỉ của trang {1}; hãy đặt 'slug' khác cho một trong hai trang"),
    ),
    "address-not-kept": (
        (r"the old address (\S+) is no longer among the aliases of \[(\S+)\]",
         "địa chỉ cũ {0} không còn trong aliases của [{1}]: liên kết và người theo dõi RSS của nó sẽ gặp trang "
         "lỗi; giữ lại bằng cách đưa \"{0}\" trở lại aliases đó"),
        (r"this article is published at (\S+), no longer at (\S+), where links and shares to it now lead nowhere: "
         r"keep it with aliases: \[\S+\] \(or slug: (\S+)\)$",
         "bài này nay đăng ở {0}, không còn ở {1}: liên kết và lượt chia sẻ tới địa chỉ cũ sẽ hỏng; giữ lại bằng "
         "aliases: [{1}] (hoặc đặt slug: {2})"),
        (r"this article is published at (\S+), no longer at (.+?), where links",
         "bài này nay đăng ở {0}, không còn ở {1}: liên kết và lượt chia sẻ tới địa chỉ cũ sẽ hỏng; giữ lại bằng "
         "aliases: [{1}]"),
        (r"the page (\S+) of the unit '(.*?)' is no longer published.* keep it with (aliases = \[.*\]) in \[(units\.\S+)\]$",
         "trang {0} của đơn vị '{1}' không còn: liên kết và người theo dõi RSS của nó sẽ gặp trang lỗi; giữ lại "
         "bằng {2} trong [{3}]"),
        (r"the page (\S+) of the unit '(.*?)' is no longer published",
         "trang {0} của đơn vị '{1}' không còn: liên kết và người theo dõi RSS của nó sẽ gặp trang lỗi; giữ lại "
         "bằng aliases = [\"{0}\"] trong bảng của đơn vị thay nó; nếu đơn vị đã bỏ hẳn, hãy dựng một lần không "
         "có --strict: lần dựng đó ghi nhận việc bỏ"),
        (r"the page (\S+) of the category '(.*?)' is no longer published.* keep it with (aliases = \[.*\]) in "
         r"\[(categories\.\S+)\]"
         r"(?: \(which also keeps the addresses of its (\S+) article)?",
         "trang {0} của chuyên mục '{1}' không còn: liên kết và người theo dõi RSS của nó sẽ gặp trang lỗi; giữ "
         "lại bằng {2} trong [{3}] (cũng giữ lại địa chỉ cũ của các bài viết chuyển theo chuyên mục)"),
        (r"the page (\S+) of the category '(.*?)' is no longer published",
         "trang {0} của chuyên mục '{1}' không còn: liên kết và người theo dõi RSS của nó sẽ gặp trang lỗi; giữ "
         "lại bằng aliases = [\"{0}\"] trong bảng của chuyên mục thay nó (cũng giữ lại địa chỉ cũ của các bài "
         "viết chuyển theo chuyên mục); nếu chuyên mục đã bỏ hẳn, hãy dựng một lần không có --strict: lần dựng "
         "đó ghi nhận việc bỏ"),
        (r"the page (\S+) of the campaign '(.*?)' is no longer published.* keep it with (aliases = \[.*\]) in \[(campaigns\.\S+)\]$",
         "trang {0} của phong trào '{1}' không còn: liên kết và người theo dõi RSS của nó sẽ gặp trang lỗi; giữ "
         "lại bằng {2} trong [{3}]"),
        (r"the page (\S+) of the campaign '(.*?)' is no longer published",
         "trang {0} của phong trào '{1}' không còn: liên kết và người theo dõi RSS của nó sẽ gặp trang lỗi; giữ "
         "lại bằng aliases = [\"{0}\"] trong bảng của phong trào thay nó; nếu phong trào đã bỏ hẳn, hãy dựng "
         "một lần không có --strict: lần dựng đó ghi nhận việc bỏ"),
    ),
    "caption-without-image": (
        (r"'image_caption' is the caption of the cover, and there is no 'image'",
         "'image_caption' là chú thích của ảnh đại diện, nhưng bài không có 'image': chú thích này không hiện ở đâu; "
         "hãy ghi ảnh đại diện (image: anh-bia.jpg), hoặc chuyển chú thích xuống dưới ảnh trong bài"),
    ),
    "category-not-folder": (
        (r"the article is in the folder of the category '(.*?)', but its 'category' is '(.*?)'",
         "bài nằm trong thư mục của chuyên mục '{0}', nhưng 'category' của nó là '{1}', nên bài đăng ở /{1}/…: "
         "hãy chuyển tệp, hoặc sửa 'category'"),
    ),
    "alias-collision": (
        (r"the alias (\S+) would replace the article (\S+); remove it", "địa chỉ cũ {0} sẽ đè lên bài viết {1}; hãy bỏ nó đi"),
        (r"the alias (\S+) would replace the page (\S+); remove it", "địa chỉ cũ {0} sẽ đè lên trang {1}; hãy bỏ nó đi"),
        (r"the alias (\S+) would replace the category '(.*?)'; remove it",
         "địa chỉ cũ {0} sẽ đè lên trang chuyên mục '{1}'; hãy bỏ nó đi"),
        (r"the alias (\S+) would replace the unit '(.*?)'; remove it",
         "địa chỉ cũ {0} sẽ đè lên trang đơn vị '{1}'; hãy bỏ nó đi"),
        (r"the alias (\S+) would replace the campaign '(.*?)'; remove it",
         "địa chỉ cũ {0} sẽ đè lên trang phong trào '{1}'; hãy bỏ nó đi"),
        (r"the alias (\S+) would replace the list of units; remove it",
         "địa chỉ cũ {0} sẽ đè lên trang danh sách đơn vị; hãy bỏ nó đi"),
        (r"the alias (\S+) would replace the list of campaigns; remove it",
         "địa chỉ cũ {0} sẽ đè lên trang danh sách phong trào; hãy bỏ nó đi"),
        (r"the alias (\S+) is also an alias of the unit '(.*?)'; keep it in one place",
         "địa chỉ cũ {0} cũng là địa chỉ cũ của đơn vị '{1}'; chỉ giữ ở một nơi"),
        (r"the alias (\S+) is also an alias of the category '(.*?)'; keep it in one place",
         "địa chỉ cũ {0} cũng là địa chỉ cũ của chuyên mục '{1}'; chỉ giữ ở một nơi"),
        (r"the alias (\S+) is also an alias of the campaign '(.*?)'; keep it in one place",
         "địa chỉ cũ {0} cũng là địa chỉ cũ của phong trào '{1}'; chỉ giữ ở một nơi"),
        (r"the alias (\S+) is also an alias of (\S+); keep it in one place",
         "địa chỉ cũ {0} cũng là địa chỉ cũ của {1}; chỉ giữ ở một nơi"),
        (r"the alias (\S+) would replace a page the portal publishes itself; remove it",
         "địa chỉ cũ {0} sẽ đè lên một trang do cổng thông tin tự tạo; hãy bỏ nó đi"),
        (r"the alias (\S+) is also an alias of (\S+);", "địa chỉ cũ {0} cũng là địa chỉ cũ của {1}; chỉ giữ ở một bài"),
        (r"the alias (\S+) would make (\S+) a folder, but \S+ is an alias of (\S+):",
         "địa chỉ cũ {0} cần {1} là một thư mục, nhưng {1} là địa chỉ cũ của {2}: hãy viết hai địa chỉ như nhau "
         "(cùng có hoặc cùng không có dấu / ở cuối)"),
    ),
    "duplicate-output": (
        (r"this file would overwrite the page (\S+)$", "tệp này sẽ ghi đè trang {0}"),
        (r"this file would overwrite (\S+), published from (\S+)$", "tệp này sẽ ghi đè {0}, vốn xuất bản từ {1}"),
        (r"two pages would be written to (\S+)", "hai trang sẽ cùng ghi vào {0}"),
        (r"this file's name is (.*) as a Mac writes its letters",
         "tên tệp này là tên của {0} nhưng ghi chữ theo kiểu máy Mac: cả hai tệp sẽ xuất bản tại cùng một địa chỉ và "
         "bạn đọc chỉ nhận được một; hãy xóa tệp không còn dùng"),
        (r"(\S+) would be both a file and the folder of (\S+)$",
         "{0} vừa là một tệp vừa là thư mục chứa {1}: không thể ghi cả hai (một địa chỉ cũ trong aliases viết lúc có, "
         "lúc không có dấu / ở cuối?)"),
        (_ANY, "hai tệp sẽ ghi vào cùng một chỗ: {0}"),
    ),
    "misnamed-photo": (
        (r"this file is a photo \((.*?)\) whose name .*; rename it '(.*?)' and show it with (.*), or put it in a .zip.*",
         "tệp này là một ảnh ({0}) nhưng tên không kết thúc như tên ảnh: tệp sẽ được xuất bản nguyên như vậy, kèm những "
         "gì điện thoại hay máy ảnh ghi vào (nơi chụp, máy chụp, chủ máy), trong khi ảnh của bài viết được xuất bản "
         "không kèm chúng; hãy đổi tên thành '{1}' và hiển thị bằng {2}, hoặc nén thành .zip để bạn đọc tải về"),
        (r"this file is a photo \((.*?)\) whose name .*; export it as JPEG.*",
         "tệp này là một ảnh ({0}) nhưng tên không kết thúc như tên ảnh: tệp sẽ được xuất bản nguyên như vậy, kèm những "
         "gì điện thoại hay máy ảnh ghi vào (nơi chụp, máy chụp, chủ máy), trong khi ảnh của bài viết được xuất bản "
         "không kèm chúng; hãy xuất ảnh ra JPEG rồi hiển thị bằng ![…](…), hoặc nén thành .zip để bạn đọc tải về"),
    ),
    "active-file": (
        (r"a reader's browser would open this file",
         "trình duyệt của bạn đọc sẽ mở tệp này như một trang của cổng thông tin và chạy mã có thể nằm trong đó: "
         "hãy xuất hình vẽ ra PNG, tài liệu ra PDF, hoặc nén tệp thành .zip để bạn đọc tải về"),
        (r"a web server could run this file",
         "máy chủ web có thể chạy tệp này như một chương trình của cổng thông tin: hãy nén tệp thành .zip để bạn "
         "đọc tải về"),
    ),
    "unpublished-file": ((r"this file is not read as an article: .* Notepad added '\.txt' .*; rename it '(.*)'",
                          "tệp này không được đọc như một bài viết: tên tệp bài viết phải kết thúc bằng '.md', mà "
                          "Notepad đã thêm '.txt' (Windows ẩn phần này); hãy đổi tên thành '{0}'"),
                         (r"this file is not read as an article: .*; rename it '(.*)'",
                          "tệp này không được đọc như một bài viết: tên tệp bài viết phải kết thúc bằng '.md' viết "
                          "thường; hãy đổi tên thành '{0}'"),
                         (r"a Word document is not read as an article: make one of it with (.*) \(its title",
                          "tệp Word không được đọc như một bài viết: hãy tạo bài từ tệp này bằng lệnh {0} (lấy tiêu "
                          "đề, nội dung, bảng và ảnh). Muốn cho bạn đọc tải tệp về, hãy đặt nó trong thư mục riêng "
                          "của một bài"),
                         (r"a Word document is not read as an article: save it as \.docx",
                          "tệp Word không được đọc như một bài viết: hãy lưu lại dạng .docx rồi tạo bài bằng lệnh "
                          "python build.py new --from …. Muốn cho bạn đọc tải tệp về, hãy đặt nó trong thư mục "
                          "riêng của một bài"),
                         (_ANY, "tệp này không được xuất bản: chỉ các tệp trong thư mục riêng của bài (cạnh "
                                "index.md) mới được xuất bản; hãy chuyển tệp vào đó, hoặc vào static/ để xuất bản "
                                "nguyên dạng"),),
    "static-reserved": ((_ANY, "thư mục này là nơi bản dựng tự ghi tệp của nó; hãy đặt tệp ở chỗ khác trong static/ "
                               "(hoặc trong assets/)"),),
    "broken-link": (
        (r"the link '(.*?)' points to no article.*; the file is named '(.*?)'",
         "liên kết '{0}' không trỏ tới bài viết nào: tệp tên là '{1}' (máy chủ web phân biệt chữ hoa và chữ thường)"),
        (r"the link '(.*?)' points to no article.*; did you mean '(.*?)'\?",
         "liên kết '{0}' không trỏ tới bài viết nào; có phải ý bạn là '{1}'?"),
        (r"the link '(.*?)' points to no article", "liên kết '{0}' không trỏ tới bài viết nào (kiểm tra đường dẫn tới tệp .md)"),
        (r"the link '(.*?)' points to an article that is not published yet",
         "liên kết '{0}' trỏ tới một bài chưa đăng (bản nháp hoặc hẹn giờ đăng); bản dựng sẽ lỗi cho tới "
         "khi bài đó được đăng, hoặc bỏ liên kết này (muốn gỡ một bài đã đăng: ghi 'expires' cho bài đó thay vì "
         "'draft: true', liên kết tới bài khi ấy chỉ còn chữ)"),
        (r"the link '(.*?)' points to a file beside an article that is not published yet",
         "liên kết '{0}' trỏ tới một tệp kèm bài chưa đăng (bản nháp hoặc hẹn giờ đăng), tệp chỉ được xuất bản "
         "cùng bài; bản dựng sẽ lỗi cho tới khi bài đó được đăng, hoặc bỏ liên kết này (muốn gỡ một bài đã đăng: "
         "ghi 'expires' cho bài đó thay vì 'draft: true', liên kết tới tệp khi ấy chỉ còn chữ)"),
        (r"the link '(.*?)' points to nothing the site publishes; the file's own name holds '#' or '\?'.*write '(.*)'$",
         "liên kết '{0}' không trỏ tới tệp nào được xuất bản: tên tệp có dấu '#' hoặc '?', mà liên kết coi là chỗ kết "
         "thúc tên tệp (phần sau là vị trí trong trang hoặc tham số); hãy đổi tên tệp bỏ các dấu đó, hoặc viết '{1}'"),
        (r"the link '(.*?)' points to nothing the site publishes; did you mean '(.*?)', in the same folder\?",
         "liên kết '{0}' không trỏ tới tệp nào được xuất bản; có phải ý bạn là '{1}', cùng thư mục?"),
        (r"the link '(.*?)' points to nothing the site publishes; the file is named '(.*?)'",
         "liên kết '{0}' không trỏ tới tệp nào được xuất bản: tệp tên là '{1}' (máy chủ web phân biệt chữ hoa và chữ thường)"),
        (r"the link '(.*?)' points to an article that is not published",
         "liên kết '{0}' trỏ tới bài chưa đăng (bản nháp, hẹn giờ hoặc đã hết hạn); dựng trang sẽ báo lỗi cho đến khi bài được đăng"),
        (r"the link '(.*?)' points to a photo, which is published only where the body shows it: write (.*) to show it",
         "liên kết '{0}' trỏ tới một ảnh gốc, mà ảnh chỉ được xuất bản ở chỗ bài hiển thị nó: hãy viết {1} để hiện ảnh"),
        (r"the link '(.*?)' points to (\S+), which is not published: only the files in an article's own folder "
         r"are \(move the article to (\S+), with the file beside it\)",
         "liên kết '{0}' trỏ tới {1}, nhưng tệp này không được xuất bản: chỉ tệp nằm trong thư mục riêng của bài mới "
         "được xuất bản (hãy chuyển bài thành {2} và đặt tệp cạnh nó)"),
        (r"the link '(.*?)' is read as a file of this site; write (\S+) for a web address",
         "liên kết '{0}' bị hiểu là một tệp của trang; nếu là địa chỉ web, hãy viết {1}"),
        (r"the link '(.*?)' is read as a file of this site; write (\S+) for an e-mail address",
         "liên kết '{0}' bị hiểu là một tệp của trang; nếu là địa chỉ thư điện tử, hãy viết {1}"),
        (r"the link '(.*?)' is read as a file of this site; write (\S+) for a phone number",
         "liên kết '{0}' bị hiểu là một tệp của trang; nếu là số điện thoại, hãy viết {1} (bấm vào trên điện thoại "
         "sẽ gọi số này)"),
        (r"the link '(.*?)' points to nothing the site publishes; it is the old portal's address of (\S+) written "
         r"from its root \(one of its aliases\): link its file, '(.*)'$",
         "liên kết '{0}' không trỏ tới trang hay tệp nào được xuất bản; đó là địa chỉ trên cổng cũ của {1}, viết tính "
         "từ gốc cổng cũ (một trong các aliases của bài): hãy liên kết tới tệp của bài, '{2}'"),
        (r"the link '(.*?)' points to nothing the site publishes",
         "liên kết '{0}' không trỏ tới trang hay tệp nào được xuất bản"),
    ),
    "missing-image": (
        (r"the (cover )?image '(.*?)' is read as '(.*?)', which does not exist; the file's own name holds.*write '(.*)'$",
         "không tìm thấy ảnh '{1}': tên tệp có dấu '#' hoặc '?', mà liên kết coi là chỗ kết thúc tên tệp (vì vậy bị hiểu là "
         "'{2}'); hãy đổi tên tệp bỏ các dấu đó, hoặc viết '{3}'"),
        (r"the (cover )?image '(.*?)' is read in the site folder, where there is none; (static/.*?) is published as it is",
         "không có ảnh '{1}' trong thư mục trang; {2} được đăng nguyên như vậy, không được thu nhỏ cho điện thoại như một "
         "ảnh: hãy chuyển ảnh vào cạnh bài viết (hoặc vào assets/) và ghi tên ảnh ở đó"),
        (r"the (cover )?image '(.*?)' does not exist \((.*)\); did you mean '(.*)', beside the article\?",
         "không tìm thấy ảnh '{1}' ({2}); có phải ý bạn là '{3}', cùng thư mục với bài viết?"),
        (r"the (cover )?image '(.*?)' does not exist \((.*)\)", "không tìm thấy ảnh '{1}' ({2}); kiểm tra tên tệp và thư mục"),
        (r"the image '(.*?)' was not found", "không tìm thấy ảnh '{0}' cạnh bài viết hoặc trong assets/"),
        (r"the image '(.*?)' is no address a browser can open",
         "ảnh '{0}' không phải địa chỉ trình duyệt mở được (tên miền viết trong '[' và ']', hoặc chỉ có một trong hai "
         "dấu đó): bạn đọc sẽ không thấy gì ở đó; hãy viết lại địa chỉ của ảnh, hoặc tên tệp ảnh đặt cạnh bài viết"),
        (_ANY, "không tìm thấy ảnh: {0}"),
    ),
    "missing-alt": (
        # (a photo pasted as HTML has no [ ]: its description is its tag's alt="…")
        (r"the image '(.*?)' has no alt text", "ảnh '{0}' chưa có mô tả (alt); viết mô tả giữa [ ] (ảnh dán bằng thẻ "
         "<img>: trong alt=\"…\") để người khiếm thị đọc được"),
        (r"the image '(.*?)' has a file name for alt text \('(.*)'\)",
         "ảnh '{0}' chỉ có tên tệp làm mô tả (alt: '{1}'), như công cụ dán ảnh tự ghi; hãy viết mô tả giữa [ ] (ảnh "
         "dán bằng thẻ <img>: trong alt=\"…\") để người khiếm thị đọc được"),
    ),
    "old-address-link": (
        (r"the link '(.*?)' is the old portal's address of (\S+) \(one of its aliases\): link its file, '(.*?)', ",
         "liên kết '{0}' là địa chỉ trên cổng cũ của {1} (một trong các aliases của bài): hãy liên kết tới tệp của "
         "bài, '{2}', dẫn tới trang của bài trên cổng này; địa chỉ cũ đưa bạn đọc ra khỏi cổng, và sẽ không dẫn tới "
         "đâu khi cổng cũ ngừng hoạt động"),
    ),
    "no-such-page": (
        (r"the link '(.*?)' is an old address that no article keeps in its aliases: ",
         "liên kết '{0}' là địa chỉ cũ mà không bài viết nào giữ trong aliases: bạn đọc sẽ gặp trang báo không có bài "
         "viết nào ứng với địa chỉ này; hãy liên kết tới tệp .md của bài viết, hoặc thêm địa chỉ này vào aliases của bài"),
        (r"the link '(.*?)' leads to no page or file of this portal; did you mean '(.*?)'\? .*",
         "liên kết '{0}' không dẫn tới trang hay tệp nào của cổng; có phải ý bạn là '{1}'? (nếu một dịch vụ khác "
         "trên cùng tên miền trả lời địa chỉ này, hãy ghi đủ địa chỉ: https://…)"),
        (r"the link '(.*?)' leads to no page or file of this portal .*",
         "liên kết '{0}' không dẫn tới trang hay tệp nào của cổng (nếu một dịch vụ khác trên cùng tên miền trả lời "
         "địa chỉ này, hãy ghi đủ địa chỉ: https://…)"),
    ),
    "names-differ-in-case": ((r"this file and (.*?) differ only in upper/lower case",
                              "tệp này và {0} chỉ khác nhau ở chữ hoa, chữ thường: trên máy Windows hoặc macOS chỉ "
                              "giữ được một tệp trong số đó, các bài còn lại bị mất ở đó; hãy đổi tên một tệp (tên viết "
                              "thường, như địa chỉ bài)"),),
    "device-name": ((r"'(.*?)' is a name Windows keeps for a device: .*\(e\.g\. '(.*?)'\)",
                     "'{0}' là tên Windows dành cho thiết bị: Git trên Windows không lấy được nó về, và bản sao kho "
                     "của biên tập viên dùng Windows bị lỗi; hãy đổi tên (ví dụ '{1}')"),),
    "names-differ-in-form": (
        (r"this photo's name is (.*)'s as a Mac writes its letters: a body's !\[…\]\((.*?)\) shows",
         "tên ảnh này là tên của {0} nhưng ghi chữ theo kiểu máy Mac: ![…]({1}) trong bài hiện ảnh {0}, không bao giờ "
         "hiện ảnh này, và trên máy Mac chỉ giữ được một tệp; hãy xóa ảnh không còn dùng"),
        (r"this file's name is (.*)'s as a Mac writes its letters",
         "tên tệp này là tên của {0} nhưng ghi chữ theo kiểu máy Mac: cả hai bài đều được xuất bản, nhưng trên máy Mac "
         "chỉ giữ được một tệp, và liên kết ghi tên này chỉ dẫn tới một bài; hãy gõ lại tên tệp này, hoặc xóa nó nếu "
         "đó là bản cũ"),
        (r"(.*) has this file's name as a Mac writes its letters",
         "{0} có cùng tên với tệp này nhưng ghi chữ theo kiểu máy Mac: cả hai bài đều được xuất bản, nhưng trên máy Mac "
         "chỉ giữ được một tệp, và liên kết ghi tên này chỉ dẫn tới một bài; hãy gõ lại tên tệp kia, hoặc xóa nó nếu "
         "đó là bản cũ"),
    ),
    "merge-leftover": ((_ANY, "tệp này do công cụ gộp của git (git mergetool) để lại: bản trước khi gộp, hoặc "
                              "một phía của nó; tệp không được xuất bản, hãy xóa nó khi đã gộp xong"),),
    "publishing-key": (
        (r"'(.*?)' is not a key of this generator \(when an article goes online",
         "khóa '{0}' không được đọc (thời điểm đăng bài ghi ở 'date'): bài sẽ được đăng ngay; hãy ghi thời điểm "
         "đó vào 'date' rồi xóa dòng này"),
        (r"'(.*?)' is not a key of this generator \(when an article is taken down",
         "khóa '{0}' không được đọc (thời điểm gỡ bài ghi ở 'expires'): bài sẽ vẫn còn trên mạng; hãy ghi thời "
         "điểm đó vào 'expires' rồi xóa dòng này"),
        (r"'(.*?)' is not read by this generator \(an article is kept unpublished",
         "'{0}' không được đọc (bài chưa đăng ghi là 'draft: true'): bài sẽ được đăng; hãy ghi 'draft: true'"),),
    "expired-link": (
        (r"the link '(.*?)' is the address of an article that has expired",
         "liên kết '{0}' là địa chỉ của một bài đã hết hạn đăng (đã qua thời điểm 'expires' của bài): nay không dẫn "
         "tới đâu; hãy bỏ liên kết, hoặc sửa 'expires' của bài đó"),
        (r"the link '(.*?)' points to an article that has expired",
         "liên kết '{0}' trỏ tới một bài đã hết hạn đăng (đã qua thời điểm 'expires' của bài): bạn đọc chỉ thấy chữ "
         "của liên kết, không bấm được; hãy bỏ liên kết, hoặc sửa 'expires' của bài đó"),
        (r"the link '(.*?)' points to a file beside an article that has expired",
         "liên kết '{0}' trỏ tới một tệp kèm bài đã hết hạn đăng (đã qua thời điểm 'expires' của bài), tệp không "
         "còn được xuất bản: bạn đọc chỉ thấy chữ của liên kết, không bấm được; hãy bỏ liên kết, hoặc sửa "
         "'expires' của bài đó"),),
    "empty-link": ((r"the link '(.*?)' has no words.*between <a …> and </a>$",
                    "liên kết '{0}' không có chữ nào: bạn đọc không thấy gì để bấm, còn trình đọc màn hình thì đọc lên "
                    "địa chỉ; hãy viết chữ của liên kết giữa <a …> và </a>"),
                   (r"the link '(.*?)' has no words",
                    "liên kết '{0}' không có chữ nào: bạn đọc không thấy gì để bấm, còn trình đọc màn hình thì đọc lên "
                    "địa chỉ; hãy viết chữ của liên kết giữa [ ]"),),
    "dropped-link": (
        (r"the link '(.*?)' is not published \(only web addresses, mailto: and tel: links are\): readers see its words "
         r"without a link; for Zalo write https://zalo.me/ and the phone number",
         "liên kết '{0}' không được xuất bản (chỉ giữ địa chỉ web, mailto: và tel:): bạn đọc chỉ thấy chữ, "
         "không bấm được; với Zalo hãy viết https://zalo.me/ và số điện thoại"),
        (r"the link '(.*?)' is not published",
         "liên kết '{0}' không được xuất bản (chỉ giữ địa chỉ web, mailto: và tel:): bạn đọc chỉ thấy chữ, "
         "không bấm được"),
        (r"the link '(.*?)' is no address a browser can open",
         "liên kết '{0}' không phải địa chỉ trình duyệt mở được (tên miền viết trong '[' và ']', hoặc chỉ có một trong "
         "hai dấu đó): bạn đọc chỉ thấy chữ, không bấm được; hãy viết lại địa chỉ"),
        (_ANY, "liên kết không được xuất bản: {0}"),
    ),
    "unclosed-html": ((r"the <(.*?)> opened on this line is never closed", "thẻ <{0}> mở ở dòng này không được đóng: "
                       "phần còn lại của bài được đăng nguyên dạng, không được đọc như Markdown (tiêu đề, danh sách, "
                       "ảnh và liên kết hiện thành chữ thường); hãy đóng nó bằng </{0}> hoặc xóa thẻ"),),
    "dropped-player": (
        (r"the YouTube player pasted as <object> or <embed> is not shown: write the video's address alone on its "
         r"line, (\S+), ",
         "trình phát YouTube dán dạng <object> hoặc <embed> không được hiển thị: hãy viết địa chỉ video trên một dòng "
         "riêng, {0}, bài sẽ hiện ảnh của video và phát khi bạn đọc bấm vào"),
        (r"the document pasted as <object> or <embed>, '(.*)', is not shown: link it, ",
         "văn bản dán dạng <object> hoặc <embed>, '{0}', không được hiển thị: hãy chèn liên kết tới nó, "
         "[Tên văn bản]({0}), để bạn đọc mở hoặc tải về"),
        (r"the player pasted as <object> or <embed> for '(.*)' is not shown",
         "trình phát dán dạng <object> hoặc <embed> cho '{0}' không được hiển thị (không trình duyệt nào còn chạy "
         "Flash từ năm 2021): hãy lưu đoạn phim dạng MP4 cạnh bài viết và chèn như chèn ảnh, ![…](clip.mp4), hoặc "
         "đưa lên YouTube rồi viết địa chỉ video trên một dòng riêng"),
    ),
    "dropped-iframe": (
        (r"the YouTube player pasted as an iframe is not shown: write the video's address alone on its line, (\S+), ",
         "trình phát YouTube dán dạng iframe không được hiển thị: hãy viết địa chỉ video trên một dòng riêng, {0}, "
         "bài sẽ hiện ảnh của video và phát khi bạn đọc bấm vào"),
        (r"the frame embedded from '(.*)' is no address a browser can open",
         "khung nhúng từ '{0}' không phải địa chỉ trình duyệt mở được (tên miền viết trong '[' và ']', hoặc chỉ có "
         "một trong hai dấu đó): hãy viết địa chỉ mà mã nhúng cho"),
        (r"the frame embedded from '(.*)' is not shown: only https frames are",
         "khung nhúng từ '{0}' không được hiển thị: chỉ nhúng được khung https"),
        (r"the frame embedded from (\S+) is not shown: .*\[security\] iframe_hosts, and none is\)",
         "khung nhúng từ {0} không được hiển thị: bài chỉ được nhúng các trang liệt kê trong site.toml "
         "([security] iframe_hosts, hiện chưa có trang nào); thêm \"{0}\" vào đó nếu cổng được phép hiển thị nó"),
        (r"the frame embedded from (\S+) is not shown: .*\[security\] iframe_hosts: (.*)\);",
         "khung nhúng từ {0} không được hiển thị: bài chỉ được nhúng các trang liệt kê trong site.toml "
         "([security] iframe_hosts: {1}); thêm \"{0}\" vào đó nếu cổng được phép hiển thị nó"),),
    "undefined-footnote": (
        (r"the footnote '(.*?)' has no text",
         "chú thích '{0}' chưa có nội dung: hãy viết '{0}: …' trên một dòng riêng ở cuối bài (bạn đọc đang thấy "
         "nguyên {0})"),),
    "undefined-reference": (
        (r"the link names '(.*?)', which the article does not define",
         "liên kết gọi tới '{0}' nhưng bài chưa định nghĩa: hãy viết '{0}: https://…' trên một dòng riêng, hoặc "
         "viết địa chỉ trong ( ) ngay sau chữ (bạn đọc đang thấy nguyên dấu ngoặc)"),),
    "broken-anchor": (
        (r"the link '(.*?)' leads to no part of this article: a tap on it does nothing; its headings and anchors are "
         r"(.*)$",
         "liên kết '{0}' không dẫn tới phần nào của bài: bấm vào không có tác dụng; các tiêu đề và mốc của bài là {1}"),
        (r"the link '(.*?)' leads to no part of this article: a tap on it does nothing; it has no heading to link to",
         "liên kết '{0}' không dẫn tới phần nào của bài: bấm vào không có tác dụng; bài không có tiêu đề nào để liên kết tới"),
        (r"the link '(.*?)' leads to no part of this article: a tap on it does nothing; write '(.*)', as its heading is named",
         "liên kết '{0}' không dẫn tới phần nào của bài: bấm vào không có tác dụng; hãy viết '{1}', theo tên của tiêu đề"),
        (r"the link '(.*?)' leads to no part of '(.*)': a tap on it opens that article at its top; its headings and "
         r"anchors are (.*)$",
         "liên kết '{0}' không dẫn tới phần nào của bài '{1}': bấm vào chỉ mở đầu bài đó; các tiêu đề và mốc của bài là {2}"),
        (r"the link '(.*?)' leads to no part of '(.*)': a tap on it opens that article at its top; it has no heading",
         "liên kết '{0}' không dẫn tới phần nào của bài '{1}': bấm vào chỉ mở đầu bài đó; bài không có tiêu đề nào để "
         "liên kết tới"),
        (r"the link '(.*?)' leads to no part of '(.*)': a tap on it opens that article at its top; write '(.*)', as its "
         r"heading is named",
         "liên kết '{0}' không dẫn tới phần nào của bài '{1}': bấm vào chỉ mở đầu bài đó; hãy viết '{2}', theo tên của "
         "tiêu đề"),
        (_ANY, "liên kết không dẫn tới phần nào của bài: {0}"),
    ),
    "path-on-computer": tuple(
        (rf"the {what} '(.*)' is a file on your computer, which readers cannot open: copy it into the article's "
         r"folder and write its name \('(.*)'\)$",
         f"{vi} '{{0}}' là tệp trên máy tính của bạn, bạn đọc không mở được: hãy chép tệp vào thư mục của bài viết "
         "và ghi tên tệp ('{1}')")
        for what, vi in (("cover image", "ảnh đại diện"), ("image", "ảnh"), ("link", "liên kết"))
    ) + ((_ANY, "đường dẫn trỏ tới tệp trên máy tính của bạn: {0}"),),
    "pasted-image": (
        (r"a photo pasted into the text as data \((.*?), (.*?) KB\) is not published.*write (.*)$",
         "ảnh dán thẳng vào bài dưới dạng dữ liệu ({0}, {1} KB) không được xuất bản, bạn đọc không thấy gì ở chỗ đó: "
         "hãy lưu ảnh thành tệp cạnh bài viết và viết {2}"),
    ),
    "small-cover": (
        (r"the cover image '(.*?)' is (\S+) pixels: .* \(its card's would be (\S+)\); use a photo at least (\d+) "
         r"pixels wide \((\d+) is best\)",
         "ảnh đại diện '{0}' chỉ có {1} điểm ảnh: Facebook và Zalo không hiện ảnh nhỏ hơn 200×200 khi chia sẻ liên kết "
         "(ảnh chia sẻ của bài sẽ là {2}); hãy dùng ảnh rộng ít nhất {3} điểm ảnh (tốt nhất {4})"),
    ),
    "animated-image": (
        (r"'(.*?)': an animated image: only its first frame is published.*: (.*)$",
         "'{0}': ảnh động: chỉ khung hình đầu tiên được xuất bản, thành ảnh tĩnh; muốn bạn đọc thấy chuyển động, hãy "
         "lưu thành video (MP4) cạnh bài viết và hiển thị tệp đó: {1}"),
    ),
    "pages-left-out": (
        (r"'(.*?)' holds (\d+) pages \(a scan\): .*: (.*)$",
         "'{0}' có {1} trang (bản quét): chỉ trang đầu tiên được xuất bản, thành một ảnh; muốn xuất bản đủ các trang, "
         "hãy lưu văn bản thành PDF cạnh bài viết và đặt liên kết: {2}"),
    ),
    "remote-image": (
        (r"the cover image '(.*?)' must be", "ảnh đại diện '{0}' phải là tệp cạnh bài viết hoặc trong assets/, "
                                             "không phải địa chỉ web"),
        (r"the image '(.*?)' is loaded from another site", "ảnh '{0}' được tải từ trang web khác: không được thu nhỏ "
                                                          "cho điện thoại và sẽ mất khi trang đó gỡ ảnh; hãy lưu ảnh "
                                                          "vào thư mục của bài viết"),
        (_ANY, "ảnh phải là tệp cạnh bài viết hoặc trong assets/: {0}"),
    ),
    "image-outside-site": (
        (r"the (cover )?image '(.*?)' is outside", "ảnh '{1}' nằm ngoài thư mục trang; hãy đặt cạnh bài viết "
                                                   "hoặc trong assets/"),
        (_ANY, "ảnh nằm ngoài thư mục trang: {0}"),
    ),
    "lfs-pointer": (
        (r"((?:'.*?': )?)this file is a Git LFS pointer",
         "{0}tệp này là con trỏ Git LFS (vài dòng chỉ tới tệp), không phải tệp thật: kho git giữ tệp trong Git LFS "
         "mà bản checkout này chưa tải về; hãy chạy 'git lfs pull' (trong CI, tải tệp LFS khi checkout: "
         "actions/checkout của GitHub với 'lfs: true')"),
    ),
    "not-an-image": (
        (r"'(.*?)': the file is not a photo this build can read",
         "'{0}' không phải ảnh đọc được (JPEG, PNG, WebP, HEIC), hoặc tệp bị hỏng"),
        (r"'(.*?)': an SVG drawing is not published as a photo",
         "'{0}' là hình vẽ SVG, không được xuất bản như ảnh (SVG có thể chứa mã chạy được); hãy xuất hình ra PNG "
         "và ghi tên tệp PNG đó"),
        (r"'(.*?)': a clip cannot be the cover, a photo is: '(.*?)' beside",
         "'{0}': ảnh bìa của bài phải là ảnh, không phải video; ảnh '{1}' đặt cạnh video là ảnh bìa của video, "
         "và cũng dùng làm ảnh bìa của bài được"),
        (r"'(.*?)': a recording cannot be the cover", "'{0}': ảnh bìa của bài phải là ảnh, không phải bản ghi âm"),
        (r"the (?:cover )?image '(.*?)' is a folder, not a photo: write the photo's own name, e.g. '(.*)'$",
         "'{0}' là một thư mục, không phải ảnh: hãy ghi tên tệp ảnh, ví dụ '{1}'"),
        (r"the (?:cover )?image '(.*?)' is a folder, not a photo", "'{0}' là một thư mục, không phải ảnh: hãy ghi tên tệp ảnh"),
        (r"'(.*?)': (.*)", "'{0}' không phải ảnh dùng được ({1})"),
    ),
    "decompression-bomb": ((r"'(.*?)': (\d+)×(\d+) pixels is more than images.max_megapixels \((\d+) MP\)",
                            "ảnh '{0}' có {1}×{2} điểm ảnh, quá giới hạn images.max_megapixels ({3} MP): hãy lưu một "
                            "bản nhỏ hơn của ảnh (chế độ độ phân giải cao của điện thoại tạo ra ảnh như vậy), hoặc "
                            "tăng [images] max_megapixels trong site.toml"),
                           (r"'(.*?)': ([\d,.]+ MP) is more than can be decoded safely",
                            "ảnh '{0}' có {1}, nhiều hơn mức giải mã an toàn: có vẻ là tệp gây tràn bộ nhớ, không "
                            "phải ảnh chụp"),
                           (r"'(.*?)': (.*)", "ảnh '{0}' quá lớn để xử lý an toàn ({1})"),),
    "truncated-image": ((r"'(.*?)': ", "tệp ảnh '{0}' bị thiếu dữ liệu (tải lên chưa hết); hãy tải lên lại"),),
    "broken-image": ((r"'(.*?)': the file is empty",
                      "tệp ảnh '{0}' rỗng (0 byte): hãy chép lại ảnh vào thư mục của bài viết"),
                     (r"'(.*?)': ", "tệp ảnh '{0}' bị hỏng, không đọc được")),
    "bad-focus": ((_ANY, "'image_focus' phải là hai tỉ lệ phần trăm, ví dụ \"50% 30%\": {0}"),),
    "skipped-heading-level": (
        (r"heading level (\d) follows level (\d)", "tiêu đề cấp {0} đứng sau tiêu đề cấp {1} (bỏ qua cấp); hãy dùng cấp liền kề"),
    ),
    "insecure-link": (
        (r"the link '(.*)' uses (\S+), not https: the connection to (\S+) is not encrypted",
         "liên kết '{0}' dùng {1}, không phải https: kết nối tới {2} không được mã hóa; "
         "hãy dùng https:// nếu trang đó hỗ trợ"),
    ),
    "unclosed-bold": ((_ANY, "dấu '**' ở dòng này không được đóng: bạn đọc thấy nguyên hai dấu sao, chữ không in đậm; "
                             "hãy viết thêm '**' sau phần chữ cần in đậm (hoặc xóa dấu này)"),),
    "link-to-draft": ((r"the link '(.*?)' points to a draft",
                       "liên kết '{0}' trỏ tới một bản nháp, ở đây hiện được vì bản xem trước hiện cả bản nháp: bản dựng "
                       "thật (không có bản nháp) sẽ dừng lại ở liên kết này (broken-link) cho tới khi bài đó được đăng"),),
    "link-to-scheduled": ((r"the link '(.*?)' points to an article scheduled for later",
                           "liên kết '{0}' trỏ tới một bài hẹn giờ đăng sau, ở đây hiện được vì có --future: bản dựng "
                           "thật sẽ dừng lại ở liên kết này (broken-link) cho tới giờ đăng của bài đó"),),
    "expires-before-date": ((_ANY, "ngày hết hạn ('expires') sớm hơn ngày đăng ('date')"),),
    "expires-left-empty": ((_ANY, "'expires' chưa ghi ngày: bài vẫn còn trên mạng; hãy ghi thời điểm gỡ bài "
                                  "(ví dụ expires: 31/01/2026 17:00), hoặc xóa dòng này"),),
    "updated-in-future": ((r"'updated' \((.*?)\) is later than now",
                           "ngày cập nhật ('updated', {0}) muộn hơn lúc này: bạn đọc sẽ thấy một lần cập nhật "
                           "chưa xảy ra; hãy xem lại năm"),),
    "updated-before-date": ((r"'updated' \((.*?)\) is before 'date' \((.*?)\)",
                             "ngày cập nhật ('updated', {0}) sớm hơn ngày đăng ('date', {1}); "
                             "'updated' là lúc bài được sửa lần cuối"),),
    "merge-conflict": (
        (r"git's merge-conflict lines are left here \(lines? ([\d–]+): (.*)\), from a conflict resolved only in part",
         "còn sót dòng đánh dấu xung đột khi gộp (merge) của git ở đây (dòng {0}: {1}), do xung đột chỉ được giải quyết "
         "một phần: kiểm tra lại bản được giữ có đúng là bản cần dùng không và xóa các dòng này"),
        (r"git left a merge conflict here \(lines (\d+)–(\d+)\)",
         "git để lại chỗ xung đột khi gộp (merge) ở đây (dòng {0}–{1}): giữ bản cần dùng và "
         "xóa các dòng '<<<<<<<', '=======' và '>>>>>>>'"),
    ),
    "layout-error": (
        (r"layout rendering error: this layout reaches itself again.*write (\{% extends .*%\})",
         "tệp giao diện (layout) tự gọi lại chính nó qua extends hoặc include, không có điểm dừng; muốn dựa trên "
         "tệp cùng tên của giao diện mặc định, hãy viết {0}"),
        (r"layout syntax error: (\{% \w+ %\}) here is never closed: Jinja reached (\{% \w+ %\}) at line (\d+) "
         r"still looking for (\{% \w+ %\})",
         "tệp giao diện (layout) viết sai cú pháp: thẻ {0} ở dòng này chưa được đóng: tới {1} ở dòng {2} vẫn chưa có {3}"),
        (r"layout syntax error: (\{% \w+ %\}) here is never closed: Jinja reached the end of the file "
         r"still looking for (\{% \w+ %\})",
         "tệp giao diện (layout) viết sai cú pháp: thẻ {0} ở dòng này chưa được đóng: tới hết tệp vẫn chưa có {1}"),
        (r"layout syntax error: (\{\{|\{%) here is never closed with (\}\}|%\}): Jinja read on into line (\d+) "
         r"\((.*)\)$",
         lambda begin, end, line, detail: f"tệp giao diện (layout) viết sai cú pháp: thẻ {begin} ở dòng này chưa được "
                                          f"đóng bằng {end}: Jinja đọc tiếp sang dòng {line} ({jinja_syntax_vi(detail)})"),
        (r"layout syntax error: (.*)",
         lambda detail: f"tệp giao diện (layout) viết sai cú pháp: {jinja_syntax_vi(detail)}"),
        (r"layout rendering error: (.*) is empty: every page built on it \((.*) among them\) would be published blank",
         "tệp giao diện {0} trống: mọi trang dựng trên nó ({1} và các trang khác) sẽ thành trang trắng"),
        (r"layout rendering error: the page (.*) renders to nothing: .*",
         "trang {0} dựng ra không có nội dung gì: không tệp giao diện nào nó dựa trên viết ra chữ"),
        (r"layout rendering error: git's merge-conflict lines are left here \(lines? ([\d–]+): (.*)\), from a conflict "
         r"resolved only in part",
         "còn sót dòng đánh dấu xung đột khi gộp (merge) của git trong tệp giao diện (dòng {0}: {1}), do xung đột chỉ "
         "được giải quyết một phần: kiểm tra lại bản được giữ có đúng là bản cần dùng không và xóa các dòng này"),
        (r"layout rendering error: git left a merge conflict here \(lines (\d+)–(\d+)\), and at lines (.*?): .*",
         "git để lại chỗ xung đột khi gộp (merge) trong tệp giao diện (dòng {0}–{1}, và các dòng {2}): giữ bản cần "
         "dùng và xóa các dòng '<<<<<<<', '=======' và '>>>>>>>'"),
        (r"layout rendering error: git left a merge conflict here \(lines (\d+)–(\d+)\).*",
         "git để lại chỗ xung đột khi gộp (merge) trong tệp giao diện (dòng {0}–{1}): giữ bản cần dùng và xóa các dòng "
         "'<<<<<<<', '=======' và '>>>>>>>'"),
        (r"layout rendering error: (.*) is not UTF-8 text: it was saved in another encoding .*",
         "tệp {0} không phải văn bản UTF-8: tệp được lưu bằng bảng mã khác (ANSI của Notepad, Windows-1258); hãy lưu "
         "lại tệp bằng UTF-8"),
        (r"layout rendering error: (.*) is not UTF-8 text: .*",
         "tệp {0} không phải văn bản UTF-8: thư mục layouts/ chỉ chứa các tệp giao diện (ảnh và biểu tượng để trong "
         "assets/ hoặc static/)"),
        (r"layout rendering error: no layout named (.*), neither in the site's layouts/ nor in the theme; "
         r"did you mean '(.*)'\?",
         "không có tệp giao diện (layout) nào tên {0}, cả trong thư mục layouts/ của trang lẫn giao diện mặc định; "
         "có phải ý bạn là '{1}'?"),
        (r"layout rendering error: no layout named (.*), neither in the site's layouts/ nor in the theme",
         "không có tệp giao diện (layout) nào tên {0}, cả trong thư mục layouts/ của trang lẫn giao diện mặc định"),
        (r"layout rendering error: (.*)", "tệp giao diện (layout) gặp lỗi khi dựng trang: {0}"),
    ),
    "internal-error": ((_ANY, "lỗi của chương trình (không phải do bài viết), đã ghi chi tiết ở cửa sổ lệnh: {0}"),),
    "article-exists": ((r"(.*?) has the address (\S+) already, the new page's",
                        "{0} đã có địa chỉ {1}, cũng là địa chỉ của trang mới; hãy đặt tiêu đề khác, hoặc sửa trang đó"),
                       (r"(.*?) has the address (\S+) already, the new article's",
                        "{0} đã có địa chỉ {1}, cũng là địa chỉ của bài mới; hãy đặt tiêu đề khác, hoặc sửa bài đó"),
                       (r"(.*?) already exists; pick another title or edit that page", "{0} đã có; không ghi đè trang"),
                       (r"(.*?) already exists", "{0} đã có; không ghi đè bài viết"),),
    "missing-option": (
        (r"give the portal's unit", 'hãy ghi đơn vị của cổng, đúng tên của đơn vị: --unit "Công an tỉnh Lạng Sơn"'),
        (r"give the portal's address", "hãy ghi địa chỉ của cổng: --base-url https://congan.<tỉnh>.gov.vn/"),
    ),
    "cannot-write": ((r"cannot be written: (.*)", "không ghi được: {0}"),),
    "archetype-unreadable": ((r"cannot be read \((.*)\)", "không đọc được tệp mẫu ({0})"),),
    "archetype-front-matter": ((_ANY, "tệp mẫu (archetype) chỉ chứa nội dung của bài mới: lệnh `new` tự ghi phần "
                                      "thông tin đầu bài (tiêu đề, ngày, đơn vị, chuyên mục); hãy xóa các dòng này"),),
    "not-a-folder": ((_ANY, "đây là một tệp: hãy cho lệnh init một thư mục mới hoặc thư mục trống"),),
    "site-exists": ((_ANY, "thư mục này đã có một cổng thông tin (site.toml): hãy sửa cổng đó, hoặc cho lệnh init "
                           "một thư mục mới"),),
    "folder-not-empty": ((r"this folder holds (\d+) file\(s\) or folder\(s\) \('(.*)'…\)",
                          "thư mục này đang chứa {0} tệp hoặc thư mục ('{1}'…): hãy cho lệnh init một thư mục mới "
                          "hoặc thư mục trống, để không ghi đè gì của bạn"),),
    "page-has-no-terms": ((_ANY, "trang giới thiệu không có chuyên mục, đơn vị hay phong trào: hãy bỏ --category, "
                                 "--unit và --campaign"),),
    "bad-title": ((r"give the article's title", "hãy cho biết tiêu đề của bài: python build.py new \"Tiêu đề\" …"),
                  (r"the title is not text as typed", "tiêu đề không phải chữ như đã gõ: cửa sổ dòng lệnh gửi các byte "
                                                      "không phải UTF-8 (hãy đặt cửa sổ dòng lệnh dùng UTF-8, hoặc viết "
                                                      "tiêu đề trong tệp)"),
                  (_ANY, "tiêu đề không có chữ hoặc số để tạo đường dẫn")),
    "word-not-found": ((_ANY, "không có tệp này"),),
    "word-not-readable": ((_ANY, "không được phép đọc tệp này; hãy chép nó vào một thư mục của bạn trước"),),
    "empty-document": ((_ANY, "tài liệu không có chữ hay ảnh nào để tạo bài viết"),),
    "not-a-word-document": (
        (r"only \.docx is read", "chỉ đọc được tệp .docx; hãy mở tệp trong Word và lưu lại dạng .docx (Word Document)"),
        (r"the file is empty", "tệp rỗng (0 byte): tệp chưa được lưu hoặc chép hết; hãy chép lại"),
        (r"a part of this file, (.*), unpacks to ([\d,]+) MB, more than a Word report holds \((\d+) MB at most\)",
         "một phần của tệp, {0}, giải nén ra {1} MB, nhiều hơn mọi báo cáo Word (tối đa {2} MB): tệp bị hỏng, hoặc được "
         "làm ra để chiếm hết bộ nhớ máy tính; đừng mở nó, hãy xin người gửi gửi lại báo cáo"),
        (r"this is a PDF named \.docx", "đây là tệp PDF mang tên .docx, không phải tài liệu Word: hãy tạo bài từ tệp "
                                        "Word gốc của nó"),
        (r"the document is protected by a password", "tài liệu được đặt mật khẩu: hãy mở trong Word, bỏ mật khẩu "
                                                     "(Tệp › Thông tin › Bảo vệ tài liệu › Mã hóa bằng mật khẩu, để "
                                                     "trống) rồi lưu lại"),
        (r"this is an old Word document \(\.doc\)", "đây là tài liệu Word cũ (.doc) mang tên .docx: hãy mở trong Word "
                                                   "và lưu lại dạng .docx (Word Document)"),
        (_ANY, "tệp này không phải tài liệu Word đọc được; hãy mở trong Word và lưu lại dạng .docx")),
    "broken-symlink": ((_ANY, "đây là liên kết tượng trưng (symlink) trỏ tới tệp không tồn tại; hãy xóa nó"),),
    "linked-folder": ((r"this is a symbolic link to the folder (.*), which",
                       "đây là liên kết tượng trưng (symlink) tới thư mục {0}, bản dựng không đi theo nó: không tệp nào "
                       "trong đó được xuất bản từ chỗ này; hãy chuyển hoặc chép thư mục vào đây"),),
    "outside-site": (
        (r"this is a symbolic link to a file outside", "đây là liên kết tượng trưng trỏ ra ngoài thư mục trang; "
                                                       "hãy chép tệp vào thay vì liên kết"),
        (r"this is a symbolic link to a folder outside", "đây là liên kết tượng trưng tới thư mục ngoài thư mục trang; "
                                                         "hãy chép các tệp vào thay vì liên kết"),
        (r"this is a symbolic link to (.*), which is not in (.*): a file the site does not publish",
         "đây là liên kết tượng trưng tới {0}, không nằm trong {1}: tệp này không được xuất bản; "
         "hãy chép tệp vào thay vì liên kết"),
        (r"'(.*?)' points outside the site folder", "'{0}' trỏ ra ngoài thư mục trang; hãy đặt tệp cạnh bài viết"),
        (_ANY, "tệp nằm ngoài thư mục trang: {0}"),
    ),
    "not-a-file": ((_ANY, "đây không phải tệp thông thường (ống dẫn hay thiết bị?); hãy xóa nó"),),
    "too-large": (
        (r"the file is ([\d.]+) MB; an article may be at most (\d+) MB",
         "tệp nặng {0} MB; mỗi bài viết tối đa {1} MB (hãy để tệp đính kèm cạnh bài viết)"),
        (r"the file is larger than (\d+) MB", "tệp lớn hơn {0} MB"),
        (_ANY, "tệp quá lớn: {0}"),
    ),
    "front-matter-too-deep": ((r"values are nested more than (\d+) levels", "giá trị lồng nhau quá {0} cấp trong phần thông tin"),),
    "too-deep": (
        (r"HTML tags are nested more than (\d+) levels", "thẻ HTML lồng nhau quá {0} cấp"),
        (r"lists are nested more than (\d+) levels", "danh sách lồng nhau quá {0} cấp, không chuyển đổi được"),
        (_ANY, "danh sách hoặc trích dẫn lồng nhau quá sâu, không chuyển đổi được"),
    ),
    "too-complex": ((r"this paragraph has ([\d,]+) .* \(at most ([\d,]+)\)",
                     "đoạn văn này có {0} dấu '[', '*', '_' hoặc '<' (tối đa {1}); hãy tách bằng dòng trống"),),
    "too-slow": ((r"converting this article took more than (\S+) s", "chuyển đổi bài viết này mất hơn {0} giây"),),
}


def pick_language(requested: str | None, site_language: str | None) -> str:
    """--lang wins; otherwise the site's language when we speak it; else Vietnamese."""
    for choice in (requested, site_language):
        if choice and choice.split("-")[0].lower() in LANGUAGES:
            return choice.split("-")[0].lower()
    return DEFAULT_LANGUAGE


def command_path(path) -> str:
    """A path as a command to copy names it: in double quotes when it holds a space (which
    PowerShell, cmd and POSIX shells all read so)."""
    shown = str(path)
    return f'"{shown}"' if any(ch.isspace() for ch in shown) else shown


def text(key: str, lang: str, **values) -> str:
    return TEXTS[key][lang].format(**values)


def seconds(value: float, lang: str) -> str:
    shown = f"{value:.2f}"
    return shown.replace(".", ",") if lang == "vi" else shown


def number(value: int, lang: str) -> str:
    """10000 → '10,000' (en) or '10.000' (vi)."""
    return format_number(value) if lang == "vi" else f"{value:,}"


def left_out(counts: Mapping[str, int], lang: str) -> str:
    """', 1 draft(s) left out' / ', bỏ qua 1 bản nháp, 2 bài hẹn giờ đăng'."""
    parts = [LEFT_OUT.get(reason, {"en": "{n} %s(s) left out" % reason, "vi": "{n} bài (%s)" % reason})[lang]
             .format(n=n) for reason, n in sorted(counts.items()) if n]
    if not parts:
        return ""
    return (", bỏ qua " if lang == "vi" else ", ") + ", ".join(parts)


def search_done(report, lang: str) -> str:
    """', chỉ mục tìm kiếm: cập nhật 1/16 phần' for a search.SearchReport; '' for None.
    A part is "updated" when only its changed articles were indexed (pagefind_splice.py),
    "redone" when it was indexed whole, "taken from the build cache" when that kept its
    bundle (search_store.py)."""
    if report is None or not report.shards:
        return ""
    if not report.indexed:
        return text("search-kept", lang)
    if report.restored:
        counts = (("search-part-redone", report.indexed - report.spliced - report.restored),
                  ("search-part-updated", report.spliced), ("search-part-restored", report.restored))
        parts = [text(key, lang, n=number(n, lang)) for key, n in counts if n]
        joined = ", ".join(parts) if lang == "vi" or len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        return text("search-parts", lang, parts=joined, shards=number(report.shards, lang))
    whole, spliced, shards = (number(n, lang) for n in (report.indexed - report.spliced, report.spliced,
                                                         report.shards))
    if not report.spliced:
        return text("search-redone", lang, indexed=whole, shards=shards)
    if report.spliced == report.indexed:
        return text("search-updated", lang, spliced=spliced, shards=shards)
    return text("search-both", lang, indexed=whole, spliced=spliced, shards=shards)


LAYOUT_ROWS = 40  # rows of the --layout-metrics table; the rest are counted


def layout_table(report, lang: str) -> list[str]:
    """The lines of `build --layout-metrics` for a layout_metrics.LayoutReport."""
    def decimal(value: float, places: int) -> str:
        shown = f"{value:,.{places}f}"
        return shown.replace(",", " ").replace(".", ",").replace(" ", ".") if lang == "vi" else shown

    columns = text("layouts-columns", lang).split("|")
    widths = [max(len(title), 9) for title in columns[:6]]
    rows = [columns[:6]]
    shown = report.times[:LAYOUT_ROWS]
    for timing in shown:
        rows.append([decimal(timing.seconds, 3), decimal(timing.mean * 1000, 3), decimal(timing.longest * 1000, 2),
                     number(timing.calls, lang), number(timing.inputs, lang), number(timing.outputs, lang)])
    widths = [max(width, *(len(row[i]) for row in rows)) for i, width in enumerate(widths)]
    lines = [text("layouts-title", lang, pages=number(report.pages, lang))]
    for position, row in enumerate(rows):
        line = "  " + "  ".join(cell.rjust(width) for cell, width in zip(row, widths))
        if position == 0:
            lines.append(f"{line}  {columns[6]}")
            continue
        timing = shown[position - 1]
        cached = text("layouts-cached", lang, n=number(timing.cached_calls, lang)) if timing.cached_calls else ""
        lines.append(f"{line}  {timing.name}{cached}")
    rest = report.times[LAYOUT_ROWS:]
    if rest:
        lines.append(text("layouts-more", lang, n=number(len(rest), lang), seconds=decimal(rest[0].seconds, 3)))
    lines.append(text("layouts-note", lang))
    for hint in report.hints:
        lines.append(text("layouts-hint", lang, name=hint.name, calls=number(hint.calls, lang),
                          inputs=number(hint.inputs, lang)))
    return lines


NAMED_CAUSES = 3  # files named per kind of change; the rest are counted


def named_and_counted(files, lang: str, named: int | None = NAMED_CAUSES) -> str:
    """"a.md, b.md, c.md và 9 tệp khác": the first `named` (None: all), the rest counted."""
    shown = files if named is None else files[:named]
    return ", ".join(shown) + (text("why-more", lang, n=number(len(files) - len(shown), lang))
                               if len(files) > len(shown) else "")


def why(causes, lang: str, named: int | None = NAMED_CAUSES) -> str:
    """'  Lý do: sửa 1 bài viết (content/…/index.md); sửa site.toml' for a
    causes.Causes; '' when it has nothing to say. `named`: files named per kind
    (None: all of them)."""
    if causes is None or not causes.named:
        return ""
    if not causes.compared:
        return text("why", lang, causes=text("why-upgraded" if causes.upgraded else "why-first", lang))
    parts = [text("why-address", lang, old=causes.address[0], new=causes.address[1])] if causes.address else []
    parts += [text("why-config", lang)] if causes.config else []
    parts += [text("why-assets", lang)] if causes.assets else []
    parts += [text("why-noindex" if causes.noindex else "why-indexed", lang)] if causes.noindex is not None else []
    added_or_removed = {*causes.layouts_added, *causes.layouts_removed}
    named_causes = [("layouts", tuple(f for f in causes.layouts if f not in added_or_removed)),
                    ("layouts-added", causes.layouts_added), ("layouts-removed", causes.layouts_removed)]
    for kind, files in (("added", causes.added), ("edited", causes.edited), ("removed", causes.removed)):
        named_causes += [(kind, tuple(f for f in files if not f.startswith(PAGES_DIR))),
                         (f"pages-{kind}", tuple(f for f in files if f.startswith(PAGES_DIR)))]
    for kind, files in named_causes:
        if files:
            names = named_and_counted(files, lang, named)
            parts.append(text(f"why-{kind}", lang, n=number(len(files), lang), names=names))
    if causes.repaired:
        parts.append(text("why-repaired", lang, n=number(causes.repaired, lang)))
    # (file names are the editors': one may hold a newline or an escape sequence)
    return one_line(text("why", lang, causes="; ".join(parts)), join=False)


def moved_lines(moves, lang: str) -> list[str]:
    """A line for each article of (source, old address, new address): its old addresses together (its
    own and one a renamed category kept), so that one alias line keeps them all, not one a round."""
    return [one_line(_moved_line(source, olds, new, lang), join=False) for source, olds, new in addresses_lost(moves)]


def addresses_lost(moves) -> list[tuple[str, tuple[str, ...], str]]:
    """(source, its old addresses, new address) for each article of (source, old, new) moves."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for source, old, new in moves:
        grouped.setdefault((source, new), []).append(old)
    return [(source, tuple(olds), new) for (source, new), olds in grouped.items()]


def _moved_line(source: str, olds: tuple[str, ...], new: str, lang: str) -> str:
    slug = slug_giving_back(olds[0], new) if len(olds) == 1 else ""
    return text("moved" if slug else "moved-folder", lang, source=source, old=", ".join(olds), new=new, slug=slug)


def slug_giving_back(old: str, new: str) -> str:
    """The `slug:` that gives an article its old address back, or "" when none can: only one in
    the same folder (its category changed, a slug would not bring it back)."""
    old_folder, _, old_slug = old.rstrip("/").rpartition("/")
    return old_slug if "?" not in old and old_folder == new.rstrip("/").rpartition("/")[0] else ""


# (table, English, Vietnamese, the placeholder of the table that takes its place in Vietnamese and
# in English: a TOML key, so no tone marks, which a table's name cannot hold)
LIST_WORDS = {"unit": ("units", "the unit", "đơn vị", "don-vi-moi", "new-unit"),
              "category": ("categories", "the category", "chuyên mục", "chuyen-muc-moi", "new-category"),
              "campaign": ("campaigns", "the campaign", "phong trào", "phong-trao-moi", "new-campaign")}


def address_notices(causes, lang: str) -> list[str]:
    """The lines under a build's summary for the addresses it dropped: each article moved, each
    unit's, category's or campaign's page gone (a category's articles moved with it folded in)."""
    if causes is None:
        return []
    moves, folded = fold_into_lists(causes.moved, causes.lists_gone)
    return [*moved_lines(moves, lang), *lists_gone_lines(causes.lists_gone, lang, folded),
            *list_aliases_gone_lines(causes.list_aliases_gone, lang)]


def list_aliases_gone_lines(gone, lang: str) -> list[str]:
    """A line for each (kind, slug, old address) a list's table kept and keeps no more."""
    return [one_line(text("list-alias-gone", lang, url=url, table=LIST_WORDS[kind][0], slug=slug), join=False)
            for kind, slug, url in gone]


def fold_into_lists(moves, gone) -> tuple[tuple, dict[str, int]]:
    """(the moves left, {a gone category's URL: how many of its articles moved with it}): renaming
    a category moves every article in it, and the one alias of its old folder keeps them all
    (aliases.kept_by_categories); a line, or an error, for each of hundreds said the opposite."""
    folders = {url for kind, _slug, url, *_heir in gone if kind == "category"}
    left, folded = [], {}
    for source, old, new in moves:
        folder = "/" + old.strip("/").partition("/")[0] + "/"
        if folder in folders and old.count("/") == 3 and "?" not in old:  # ("/<category>/<slug>/")
            folded[folder] = folded.get(folder, 0) + 1
        else:
            left.append((source, old, new))
    return tuple(left), folded


def lists_gone_lines(gone, lang: str, folded: Mapping[str, int] = {}) -> list[str]:
    """A line for each (kind, slug, old URL, heir's slug or "", its aliases); `folded`:
    fold_into_lists's."""
    lines = []
    for kind, slug, url, heir, written in gone:
        table, what_en, what_vi, heir_vi, heir_en = LIST_WORDS[kind]
        line = text("list-gone", lang, url=url, slug=slug, table=table, what=what_vi if lang == "vi" else what_en,
                    heir=heir or (heir_vi if lang == "vi" else heir_en),
                    aliases=keeping_line(gone, kind, url, heir, written))
        if folded.get(url):
            line += text("list-gone-articles", lang, n=number(folded[url], lang))
        lines.append(one_line(line, join=False))
    return lines


def keeping_line(gone, kind: str, url: str, heir: str, written: tuple[str, ...]) -> str:
    """The `aliases = [...]` line that keeps a gone list's `url` (of `gone`, lists_gone's) in its
    heir's table: whole, with what it has (`written`) and every other page gone to the same heir, as
    a second `aliases` line beside one already there is a duplicate key in TOML."""
    kept = [other for other_kind, _slug, other, other_heir, _w in gone if (other_kind, other_heir) == (kind, heir)]
    return "aliases = " + json.dumps(list(dict.fromkeys([*written, *(kept if heir else [url])])), ensure_ascii=False)


def problem_record(problem: Problem, lang: str) -> dict:
    """A problem as the JSON reports give it (`check --format json`, `list --format json`)."""
    return {"path": problem.location.path, "line": problem.location.line, "severity": problem.severity.value,
            "code": problem.code, "message": problem_message(problem, lang)}


KINDS_VI = {"an empty value": "giá trị trống", "true or false": "true/false", "a number": "một số", "text": "chữ",
            "a list": "một danh sách", "key: value lines": "các dòng 'khóa: giá trị'", "binary data": "dữ liệu nhị phân",
            "a date": "ngày tháng", "a time of day": "giờ trong ngày", "a value of another kind": "giá trị kiểu khác"}


_CONTACT_VI = {"hotline and no e-mail": "đường dây nóng và email", "hotline": "đường dây nóng", "e-mail": "email"}


# Jinja's syntax errors (a webmaster's edit of a layout), its English → Vietnamese; a rare one
# not here is shown as Jinja wrote it. Jinja names a token by a description: the ones a layout meets.
_JINJA_TOKENS = {"end of print statement": "}}", "end of statement block": "%}", "begin of print statement": "{{",
                 "begin of statement block": "{%", "end of comment": "#}", "begin of comment": "{#",
                 "end of template": "hết tệp", "name": "một tên", "integer": "một số", "float": "một số",
                 "string": "một chuỗi chữ", "template data / text": "chữ của trang"}


def _jinja_token(word: str) -> str:
    return _JINJA_TOKENS.get(word, f"'{word}'")


def _jinja_tags(listed: str) -> str:
    """Jinja's "'endif' or 'else'" → "{% endif %} hoặc {% else %}"."""
    return re.sub(r"'(\w+)'", r"{% \1 %}", listed).replace(" or ", " hoặc ")


# Tags Jinja knows only inside another: out of place, they are "unknown" to it, but no misspelling.
_INNER_TAGS = {"else": "thẻ {% else %} đặt sai chỗ: chỉ viết được một lần, bên trong {% if %} … {% endif %} "
                       "hoặc {% for %} … {% endfor %}",
               "elif": "thẻ {% elif %} đặt sai chỗ: chỉ viết được bên trong {% if %} … {% endif %}, trước {% else %}"}


def _unknown_tag(name: str) -> str:
    if name in _INNER_TAGS:
        return _INNER_TAGS[name]
    if name.startswith("end") and len(name) > 3:
        return f"thẻ {{% {name} %}} không đóng thẻ nào: không có {{% {name[3:]} %}} nào đang mở"
    return f"không có thẻ {{% {name} %}} (sai tên lệnh?)"


JINJA_SYNTAX: tuple = (
    (r"expected token '(.+?)', got '(.*)'$",
     lambda want, got: f"chỗ này cần {_jinja_token(want)} nhưng lại gặp {_jinja_token(got)}"),
    (r"unexpected '(.+?)', expected '(.+?)'$",
     lambda got, want: f"gặp {_jinja_token(got)} ở chỗ cần {_jinja_token(want)}: một dấu ngoặc mở chưa được đóng"),
    (r"unexpected end of template, expected '(.+?)'\.?$", lambda want: f"tới hết tệp vẫn chưa có {_jinja_token(want)}"),
    (r"unexpected '(.+?)'$", lambda got: f"gặp {_jinja_token(got)} không đúng chỗ"),
    (r"Expected an expression, got '(.+?)'$",
     lambda got: f"thiếu một giá trị (tên biến, chữ hoặc số) trước {_jinja_token(got)}"),
    (r"Encountered unknown tag '(\w+)'\.$", _unknown_tag),
    (r"Encountered unknown tag '(\w+)'\. You probably made a nesting mistake\. Jinja is expecting this tag, but "
     r"currently looking for (.*?)\.(?: |$)",
     lambda name, looking: f"thẻ {{% {name} %}} đặt sai chỗ: ở đây Jinja đang chờ {_jinja_tags(looking)} (các thẻ "
                           "lồng nhau phải đóng theo thứ tự ngược lại)"),
    (r"Encountered unknown tag '(\w+)'\. Jinja was looking for the following tags: (.*?)\.(?: |$)",
     lambda name, looking: f"{_unknown_tag(name)}; ở đây Jinja đang chờ {_jinja_tags(looking)}"),
    (r"Unexpected end of template\. Jinja was looking for the following tags: (.*?)\.(?: |$)",
     lambda looking: f"tới hết tệp vẫn chưa có {_jinja_tags(looking)}"),
    (r"unexpected char (['\"])(.+)\1 at \d+$",
     lambda _, char: f"ký tự {char} không đúng chỗ" + (": một dấu nháy chưa được đóng" if char in "'\"" else "")),
    (r"expected name or number$", lambda: "sau dấu chấm cần một tên hoặc một số"),
    (r"expected subscript expression$", lambda: "trong dấu [ ] cần một giá trị"),
    (r"tag name expected$", lambda: "thẻ {% %} chưa có tên lệnh"),
    (r"block '(.+?)' defined twice$", lambda name: f"khối {{% block {name} %}} được viết hai lần trong tệp"),
    (r"Missing end of comment tag$", lambda: "chú thích {# chưa được đóng bằng #}"),
    # (layout_problems.no_such_detail's words: a misspelt filter or test, `{{ x | uppper }}`)
    (r"No (filter|test) named '(.+?)'\.(?: Did you mean '(.+?)'\?)?$",
     lambda kind, name, meant: f"không có {'bộ lọc (filter)' if kind == 'filter' else 'phép thử (test)'} nào tên "
                               f"'{name}'" + (f"; có phải ý bạn là '{meant}'?" if meant else "")),
)


def jinja_syntax_vi(detail: str) -> str:
    """Jinja's syntax error in Vietnamese, or as Jinja wrote it when it is a rare one."""
    for pattern, wording in JINJA_SYNTAX:
        found = re.match(pattern, detail)
        if found:
            return wording(*found.groups())
    return detail


def problem_message(problem: Problem, lang: str) -> str:
    if lang == "en" or problem.code not in PROBLEMS:
        return problem.message
    for pattern, template in PROBLEMS[problem.code]:
        if pattern is None:
            return template.format(problem.message)
        found = re.match(pattern, problem.message)
        if found and callable(template):
            return template(*found.groups())
        if found:
            groups = found.groups()
            if pattern.endswith(", not (.+)"):  # diagnostics.kind_of's words
                groups = (*groups[:-1], KINDS_VI.get(groups[-1], groups[-1]))
            return template.format(*groups)
    return problem.message


def describe(problem: Problem, lang: str) -> str:
    """`path:line: severity[code]: message` with the message in `lang`.

    The severity word and the code stay English in both languages: they are
    what scripts and CI search for. One terminal line, as str(problem) is: a key or a value
    quoted in the message may hold a carriage return, which would overwrite the line."""
    return (f"{one_line(str(problem.location), join=False)}: {problem.severity.value}[{problem.code}]: "
            f"{one_line(problem_message(problem, lang))}")


def describe_all(problems: Iterable[Problem], lang: str) -> list[str]:
    return [describe(p, lang) for p in problems]


def describe_folded(problems: Iterable[Problem], lang: str) -> list[str]:
    """Like describe_all, with repeated warnings of one kind counted after the first few."""
    lines = []
    for problem, folded in fold_repeated_warnings(problems):
        lines.append(describe(problem, lang))
        if folded:
            lines.append(more_warnings(problem, folded, lang))
    return lines


def more_warnings(problem: Problem, folded: int, lang: str) -> str:
    return text("more-warnings", lang, n=number(folded, lang), code=problem.code)
