"""List markers, shared by layout (a line that opens an item) and the grammar (a
marker token at the start of an item, or inline: `1) laatia ..., 2) tehdä ...`).

Bullets (`•`, `◦`, `▪`, ...), a dash or an asterisk, Word's second-level `o`,
numbers and letters with `)` or `.`: `1)`, `1.`, `a)`, `(b)`.
"""

from __future__ import annotations

import regex

BULLETS = "•●▪■◦‣∙·○◾"
# A whole token that is a list marker.
MARKER = regex.compile(rf"^(?:[{BULLETS}\-–—*]|\(?\d{{1,2}}[.)]|\(?[a-zåäö]\))$")
# The marker opening an item line, with its space: bullets (a space is optional after
# one), numbers and letters before a letter, Word's `o` bullet before a letter.
ITEM = regex.compile(
    rf"^\s*(?:[{BULLETS}]\s*|\(?\d{{1,2}}[.)]\s+(?=\p{{L}})|\(?[a-zåäö]\)\s+|o\s+(?=\p{{L}}))"
)
# A dash or an asterisk opens an item only where a sentence cannot go on (see layout).
DASH_ITEM = regex.compile(r"^\s*[-–—*]\s+")
# An inline number or letter closing with `)`: `2)`, `b)`.
INLINE = regex.compile(r"^(?:\d{1,2}|[a-zåäö])$")
