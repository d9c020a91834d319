"""Markdown escaping shared by the reports and the batch index (no heavy imports, so the index can
be written without loading the pipeline)."""

from __future__ import annotations

import re

# Every ASCII punctuation mark that can take part in markup is backslash-escaped (GitHub renders
# the escape as the plain character). "&" becomes "&amp;" so no entity can be formed.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~^$-])")


def md(text: str) -> str:
    """Escape article text for inline use in GitHub-flavoured markdown (one line)."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;")
    return _MD_SPECIAL.sub(r"\\\1", text)
