"""Draws the photos of the bundled demo portal into content/ that are not there yet (the JPEGs are committed).

    .venv/bin/python bench/demo_photos.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from photos import draw_scene, phone_jpeg  # noqa: E402

CONTENT = Path(__file__).resolve().parent.parent / "content"
HOI_THI = "xay-dung-luc-luong/soi-noi-hoi-thi-dieu-lenh-vo-thuat-ban-sung-cong-an-tinh-nam-2025"
# (bundle, file, seed, (width, height) upright, orientation, palette, text drawn on the photo)
PHOTOS = [
    ("tin-hoat-dong/cong-an-tinh-ra-quan-dot-cao-diem-bao-dam-trat-tu-an-toan-giao-thong-dip-tet-binh-ngo-2026",
     "le-ra-quan.jpg", 11, (3600, 2700), 1, "day", "Lễ ra quân đợt cao điểm Tết Bính Ngọ 2026"),
    ("tin-hoat-dong/cong-an-tinh-ra-quan-dot-cao-diem-bao-dam-trat-tu-an-toan-giao-thong-dip-tet-binh-ngo-2026",
     "kiem-tra-nong-do-con.jpg", 12, (2400, 3200), 6, "dusk", "Kiểm tra nồng độ cồn"),
    ("tin-hoat-dong/dien-tap-phuong-an-chua-chay-cuu-nan-cuu-ho-tai-cum-cong-nghiep-det-may",
     "dien-tap-chua-chay.jpg", 21, (4000, 2250), 1, "fire", "Diễn tập chữa cháy, cứu nạn, cứu hộ"),
    ("tin-hoat-dong/cong-an-xa-nghia-tru-ra-mat-mo-hinh-camera-an-ninh-do-nhan-dan-dong-gop",
     "camera-an-ninh.jpg", 31, (2400, 3200), 6, "day", "Camera an ninh xã Nghĩa Trụ"),
    (HOI_THI, "hoi-thi-dieu-lenh.jpg", 41, (3600, 2400), 1, "dusk", "Hội thi điều lệnh, võ thuật 2025"),
    # A gallery: three photos side by side in the article.
    (HOI_THI, "vo-thuat.jpg", 42, (2400, 1600), 1, "day", "Võ thuật Công an nhân dân"),
    (HOI_THI, "ban-sung.jpg", 43, (1600, 2400), 6, "dusk", "Bắn súng ngắn"),
    (HOI_THI, "trao-giai.jpg", 44, (2400, 1600), 1, "day", "Trao giải toàn đoàn"),
]


def main() -> None:
    for bundle, name, seed, size, orientation, palette, text in PHOTOS:
        path = CONTENT / bundle / name
        if path.exists():  # the committed photo stays: another Pillow encodes other bytes
            continue
        path.write_bytes(phone_jpeg(draw_scene(*size, seed, text, palette), orientation))
        print(f"{path.relative_to(CONTENT)}: {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
