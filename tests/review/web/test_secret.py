"""The signing secret: settings win, otherwise generated once and kept private."""

from __future__ import annotations

import stat

from review.web.secret import SECRET_FILE, resolve_secret
from sci.settings import Settings


def test_generated_once_into_var_dir_private_and_stable(settings: Settings) -> None:
    first = resolve_secret(settings)
    assert len(first) >= 48
    path = settings.var_dir / SECRET_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert resolve_secret(settings) == first


def test_configured_secret_wins_and_writes_nothing(settings: Settings) -> None:
    configured = settings.replace(secret_key="from-the-environment")
    assert resolve_secret(configured) == "from-the-environment"
    assert not (settings.var_dir / SECRET_FILE).exists()
