"""Evaluate XPath 2/3 expressions with Saxon (``saxonche``) in a process of its own.

Run as ``python tests/saxon_eval.py < question.json``; prints the answers as JSON. Saxon
starts threads of its own, after which a process must not fork: the test suite's worker
pools do, so Saxon never runs inside the test process.

Question: ``{"namespaces": {prefix: uri}, "documents": [xml text], "contexts": [[element
index in //* order]], "expressions": [text]}``. Answer: for each document, context and
expression, ``[effective boolean value, item count, string value of the first item]``, or
``null`` when XPath 2 raises an error.
"""

from __future__ import annotations

import json
import sys
from typing import Any


def main() -> None:
    from saxonche import PySaxonApiError, PySaxonProcessor

    question = json.load(sys.stdin)
    processor = PySaxonProcessor(license=False)
    answers: list[Any] = []
    for text, indexes in zip(question["documents"], question["contexts"], strict=True):
        document = processor.parse_xml(xml_text=text)
        xpath = processor.new_xpath_processor()
        for prefix, uri in question["namespaces"].items():
            xpath.declare_namespace(prefix, uri)
        xpath.set_context(xdm_item=document)
        elements = xpath.evaluate("//*")
        for index in indexes:
            xpath.set_context(xdm_item=elements.item_at(index))
            for expr in question["expressions"]:
                try:
                    value = xpath.evaluate(expr)
                    truth = xpath.effective_boolean_value(expr)
                except PySaxonApiError:
                    answers.append(None)
                    continue
                if value is None or value.size == 0:
                    answers.append([truth, 0, ""])
                    continue
                first = value.item_at(0)
                string = (first.string_value if first.is_node
                          else first.get_atomic_value().string_value)
                answers.append([truth, value.size, str(string)])
    json.dump(answers, sys.stdout)


if __name__ == "__main__":
    main()
