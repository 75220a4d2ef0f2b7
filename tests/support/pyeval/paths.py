"""Where things are, derived from this file's location (never absolute paths)."""
import os
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]


def shared_data() -> Path:
    """The shared third-party data: $HEMEROTECA_SHARED_DATA or <repo>/../shared/data."""
    env = os.environ.get("HEMEROTECA_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def shared_article_files() -> list:
    """The JSON Lines files of shared articles (sorted), or [] when absent."""
    root = shared_data() / "articles"
    return sorted(root.glob("*/*.jsonl")) if root.is_dir() else []


def build_dir() -> Path:
    """The build with the binaries: $HEMEROTECA_BUILD or <repo>/build."""
    env = os.environ.get("HEMEROTECA_BUILD")
    return Path(env) if env else REPO / "build"


def binary(name: str) -> Path:
    """hemeroteca-index / hemeroteca-search from the build (or PATH)."""
    sub = "indexer" if name.endswith("index") else "searcher"
    path = build_dir() / sub / name
    if path.exists():
        return path
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"error: {name} not found in {build_dir()} nor on PATH "
                         "(build first, or set HEMEROTECA_BUILD)")
    return Path(found)


def skip(message: str, code: int = 77) -> None:
    """Exit with ctest's 'skipped' code and a visible message."""
    print(f"SKIPPED: {message}", flush=True)
    raise SystemExit(code)
