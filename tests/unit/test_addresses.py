"""The join link works from phones: a public URL wins; a loopback address becomes the LAN address."""

from workshop.addresses import join_address


def test_public_url_wins(monkeypatch):
    monkeypatch.setenv("COALITION_PUBLIC_URL", "https://workshops.example.org/")
    address = join_address("http://localhost:8501/facilitate")
    assert address.workshop("ACEFGH") == "https://workshops.example.org/w/ACEFGH" and address.notice is None


def test_a_real_host_is_kept(monkeypatch):
    monkeypatch.delenv("COALITION_PUBLIC_URL", raising=False)
    address = join_address("http://10.0.0.5:8501/facilitate?code=X")
    assert address.join_page() == "http://10.0.0.5:8501/w" and address.notice is None


def test_localhost_becomes_the_network_address_with_a_notice(monkeypatch):
    monkeypatch.delenv("COALITION_PUBLIC_URL", raising=False)
    address = join_address("http://localhost:8501/facilitate", find_lan=lambda: "192.168.1.20")
    assert address.workshop("ACEFGH") == "http://192.168.1.20:8501/w/ACEFGH"
    assert "192.168.1.20" in address.notice and "COALITION_PUBLIC_URL" in address.notice


def test_no_network_says_so(monkeypatch):
    monkeypatch.delenv("COALITION_PUBLIC_URL", raising=False)
    address = join_address("http://127.0.0.1:8501/", find_lan=lambda: None)
    assert address.base == "http://127.0.0.1:8501" and "no local network address" in address.notice
