from generator.feeds import absolute_links


def test_a_feeds_links_are_absolute_but_a_code_samples_text_is_left_as_written():
    body = ('<p>Tin nhắn lừa đảo có <code>&lt;a href="nhan-qua.html"&gt;</code>; tải <a href="ke-hoach.pdf">kế hoạch</a>, '
            '<a href="#muc">mục</a>, <a href="https://bocongan.gov.vn/">Bộ</a>.</p>'
            '<picture><source srcset="/images/a-1.webp 480w, /images/a-2.webp 800w"><img src="/images/a-2.jpg"></picture>')
    assert absolute_links(body, "https://congan.example.vn/tin/bai/") == (
        '<p>Tin nhắn lừa đảo có <code>&lt;a href="nhan-qua.html"&gt;</code>; tải '
        '<a href="https://congan.example.vn/tin/bai/ke-hoach.pdf">kế hoạch</a>, '
        '<a href="https://congan.example.vn/tin/bai/#muc">mục</a>, <a href="https://bocongan.gov.vn/">Bộ</a>.</p>'
        '<picture><source srcset="https://congan.example.vn/images/a-1.webp 480w, '
        'https://congan.example.vn/images/a-2.webp 800w"><img src="https://congan.example.vn/images/a-2.jpg"></picture>')
