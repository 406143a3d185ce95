"""The app's signing secret: from settings, or generated once into var_dir.

Sessions and CSRF tokens are signed with it, so it must survive restarts
(otherwise every analyst is logged out) and never be a built-in constant.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from sci.settings import Settings

SECRET_FILE = "secret_key"


def resolve_secret(settings: Settings) -> str:
    """settings.secret_key when set; else the key in var_dir/secret_key, created on first use."""
    if settings.secret_key:
        return settings.secret_key
    path = Path(settings.var_dir) / SECRET_FILE
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    # 0600 from the start: the key is as good as every analyst's password.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(secrets.token_urlsafe(48))
    try:
        # link() fails if another process won the race; then we read the winner's key.
        os.link(tmp, path)
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)
    return path.read_text(encoding="ascii").strip()
