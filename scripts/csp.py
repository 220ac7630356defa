#!/usr/bin/env python3
"""Trunk post-build hook: give dist's index.html a Content-Security-Policy.

The policy allows what the app needs and nothing more: its own scripts, the one inline module
script Trunk writes to start the wasm (allowed by its hash, computed here because it names
the build's hashed files), WebAssembly compilation ('wasm-unsafe-eval'), its own worker and
styles (style attributes too: Yew sets them), data: images, and no plugins, no <base>, no
forms. The app makes no network requests but its own files (connect-src 'self': the run worker
fetches the Python modules it does not carry from py/ when a script imports them).
"""
import base64
import hashlib
import os
import re
import sys

path = os.path.join(os.environ.get("TRUNK_STAGING_DIR", "dist"), "index.html")
html = open(path, encoding="utf-8").read()
if "Content-Security-Policy" in html:
    sys.exit(0)
hashes = []
for body in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S):
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    hashes.append("'sha256-%s'" % base64.b64encode(digest).decode())
policy = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' " + " ".join(hashes),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "worker-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
])
meta = '<meta http-equiv="Content-Security-Policy" content="%s">' % policy
html = html.replace("<head>", "<head>\n  " + meta, 1)
open(path, "w", encoding="utf-8").write(html)
