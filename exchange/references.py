"""How an import refers to records before they exist, in little memory.

A large file creates hundreds of thousands of records, and the importer must remember
each one it creates (a later row may mention it) until the file ends. As Python dicts and
sets that cost some 700 bytes a row; here a reference's key costs 8 bytes in an array and
the rest lives on disk, so the worker's memory does not follow the file's size.
"""

import sqlite3
import struct
from array import array

_PAIR = struct.Struct(">qq")


class CreatedKeys:
    """References to the records an import creates (-1, -2, …), each with the primary key
    it gets once created: an array of 8-byte keys, indexed by the reference, where a dict
    would spend about a hundred bytes on each."""

    def __init__(self):
        self._keys = array("q")

    def new_ref(self) -> int:
        self._keys.append(0)  # 0: not created yet (no table's key is 0)
        return -len(self._keys)

    def __contains__(self, ref: int) -> bool:
        """Whether the record `ref` stands for has been created."""
        return -len(self._keys) <= ref < 0 and self._keys[-ref - 1] != 0

    def __getitem__(self, ref: int) -> int:
        if ref not in self:
            raise KeyError(ref)
        return self._keys[-ref - 1]

    def __setitem__(self, ref: int, pk: int) -> None:
        self._keys[-ref - 1] = pk

    def update(self, created) -> None:
        for ref, pk in created:
            self[ref] = pk


def pair_bytes(first: int, second: int) -> bytes:
    """Two references or keys (either sign) as the 16-byte key `FileMemory` keeps."""
    return _PAIR.pack(first, second)


class FileMemory:
    """What a file's import has created so far, for the later rows that mention it: new
    claims by the digest of their speaker and text, new citations and pairs by their two
    references. A file of 100 000 pairs creates half a million of these; as Python dicts
    and sets they grew the worker by some 60 MB (600 MB for a million rows), so they are
    kept instead in a private temporary SQLite database (the standard library's), on disk
    beside a small page cache. It is the worker's scratch space, not the app's state:
    SQLite deletes it when it is closed or the process ends, however it ends.
    """

    # Each kind's keys start with its own byte.
    CLAIM, CITATION, PAIR = b"c", b"s", b"p"

    def __init__(self):
        # An empty name: a private temporary database on disk (":memory:" would be RAM).
        self._db = sqlite3.connect("")
        self._db.execute("PRAGMA journal_mode = OFF")  # scratch: nothing to roll back to
        self._db.execute(
            "CREATE TABLE memory (key BLOB PRIMARY KEY, ref INTEGER NOT NULL) WITHOUT ROWID"
        )

    def get(self, kind: bytes, key: bytes) -> int | None:
        """The reference an earlier row gave this key, or None."""
        found = self._db.execute("SELECT ref FROM memory WHERE key = ?", (kind + key,))
        row = found.fetchone()
        return None if row is None else row[0]

    def add(self, kind: bytes, key: bytes, ref: int = 0) -> None:
        self._db.execute("INSERT INTO memory (key, ref) VALUES (?, ?)", (kind + key, ref))

    def close(self) -> None:
        self._db.close()
