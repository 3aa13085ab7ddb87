"""Write the Vega, Vega-Lite and vega-embed JavaScript that reports inline into src/casus/data/js/.

The report needs about 0.9 MB of JavaScript (300 KB gzipped). It is shipped in
the package, so a fresh `pip install` works offline without vl-convert (84 MB of
native code whose only use here was making this file). Run this after upgrading
altair to a new Vega-Lite version (tests/test_daily_use.py checks they agree):

    pip install vl-convert-python && python tools/vendor_vega.py
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
from importlib.metadata import version
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "casus" / "data" / "js"


def main() -> None:
    import vl_convert as vlc

    vl = vlc.get_vegalite_versions()[-1]
    bundle = vlc.javascript_bundle(vl_version=vl)
    data = bundle.encode("utf-8")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "vega-bundle.js.gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    meta = {"vega": vlc.get_vega_version(), "vega-lite": vl, "vega-embed": vlc.get_vega_embed_version(),
            "made_with": f"vl-convert-python {version('vl-convert-python')} javascript_bundle()",
            "made_on": dt.date.today().isoformat(), "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(),
            "globals": ["vega", "vegaLite", "vegaEmbed"]}
    (OUT / "vega-bundle.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(meta, indent=2))


if __name__ == "__main__":
    main()
