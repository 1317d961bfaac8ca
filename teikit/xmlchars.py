"""Characters that XML 1.0 cannot carry in text (C0 controls other than tab and line ends,
U+FFFE and U+FFFF). The encoder writes them as ``<g type="control">``."""

from __future__ import annotations

import re

INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
