"""``python -m crawlers.sampleweb [--port N]``: serve until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
import threading

from crawlers.sampleweb.server import SampleWeb


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the bundled sample web on loopback.")
    parser.add_argument("--port", type=int, default=0, help="common port (0 = pick a free one)")
    parser.add_argument("--slow-seconds", type=float, default=2.0,
                        help="delay of the slow hostile page")
    args = parser.parse_args(argv)
    web = SampleWeb(port=args.port, slow_seconds=args.slow_seconds)
    manifest = web.start()
    print(manifest.to_json(), flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        web.stop()


if __name__ == "__main__":
    main()
