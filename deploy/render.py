"""nginx.conf with local app ports instead of the compose service names, for tests and benchmarks.

    python deploy/render.py OUT_DIR 8601 8602 --listen 8600
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent


def render(out: Path, ports: list[int], listen: int) -> Path:
    """Write nginx.conf (and the file it includes) into `out`; return the config's path."""
    text = (HERE / "nginx.conf").read_text()
    servers = "".join(f"        server 127.0.0.1:{port};\n" for port in ports)
    text = re.sub(r"(?m)^        server app\d+:8501;\n(?:        server app\d+:8501;\n)*", servers, text)
    text = text.replace("listen 8080;", f"listen 127.0.0.1:{listen};")
    text = text.replace("pid /tmp/coalition-nginx.pid;", f"pid {out / 'nginx.pid'};")
    text = text.replace("/tmp/coalition-nginx-", f"{out}/nginx-")
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(HERE / "coalition-proxy.conf", out / "coalition-proxy.conf")
    (out / "nginx.conf").write_text(text)
    return out / "nginx.conf"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("ports", type=int, nargs="+")
    parser.add_argument("--listen", type=int, default=8080)
    args = parser.parse_args()
    print(render(args.out, args.ports, args.listen))
