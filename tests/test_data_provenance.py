"""Every shipped data file is pinned by resources/data/SHA256SUMS and described in PROVENANCE.md."""
from __future__ import annotations

import hashlib
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "resources" / "data"
UNPINNED = {"SHA256SUMS", "PROVENANCE.md"}   # the pin list itself and its description


def _sums() -> dict[str, str]:
    out: dict[str, str] = {}
    for n, line in enumerate((DATA / "SHA256SUMS").read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        digest, sep, rel = line.partition("  ")
        assert sep and len(digest) == 64, f"SHA256SUMS line {n} is not in sha256sum format: {line!r}"
        rel = rel.lstrip("*")
        assert rel not in out, f"SHA256SUMS line {n}: {rel} listed twice"
        out[rel] = digest
    return out


def _shipped() -> set[str]:
    return {p.relative_to(DATA).as_posix() for p in DATA.rglob("*")
            if p.is_file() and p.name not in UNPINNED and "__pycache__" not in p.parts}


def test_every_listed_file_matches_its_sha256():
    sums = _sums()
    assert sums, "SHA256SUMS is empty"
    for rel, digest in sums.items():
        path = DATA / rel
        assert path.is_file(), f"{rel}: listed in SHA256SUMS but missing"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, f"{rel}: content differs from SHA256SUMS"


def test_every_shipped_file_is_listed():
    unlisted = sorted(_shipped() - set(_sums()))
    assert not unlisted, f"not in resources/data/SHA256SUMS: {unlisted}"


def test_every_shipped_file_is_described_in_provenance():
    text = (DATA / "PROVENANCE.md").read_text(encoding="utf-8")
    undescribed = sorted(rel for rel in _shipped() if rel not in text)
    assert not undescribed, f"not described in resources/data/PROVENANCE.md: {undescribed}"
