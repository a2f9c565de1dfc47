"""Sentences the analyses write for people: a message id and the values it was made from.

The audit's findings and the era's evidence are read on the command line, in CSV and
JSON, in the downloads and on the pages. A `Message` serves all of them: it is a `str`
whose value is the English sentence (what the command line and the files show), and it
keeps its message id and parameters, so a page translates it through the catalogs
(`effanalysis.i18n.translate`) instead of reading the English back. A parameter may be a
Message itself (a word the page translates too, such as "the whole"); other parameters
(figures and words quoted from the report) are shown as they are. Mark each id with `N_`
where it is written, so that extraction finds it.

    Message(N_("{term} was in active use until {year}"), term="以阶级斗争为纲", year=1978)
"""
from __future__ import annotations


class Message(str):
    """An English sentence (the str itself) with its message id and parameters."""

    msgid: str
    params: dict

    def __new__(cls, msgid: str, **params) -> Message:
        self = super().__new__(cls, msgid.format(**params))
        self.msgid, self.params = msgid, params
        return self

    def __reduce__(self):
        # Rebuilt from its id and parameters (a pickled table in a worker process keeps them).
        return _rebuild, (type(self), self.msgid, self.params)


def _rebuild(cls, msgid: str, params: dict) -> Message:
    return cls(msgid, **params)
