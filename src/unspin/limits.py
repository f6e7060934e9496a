"""Size limits shared by every way unspin reads input."""

MAX_BYTES = 5_000_000  # the largest file, page or stdin unspin reads


def describe_size(n_bytes: int) -> str:
    """A size limit as people say it: "5 MB", or "1,000 bytes" for limits that are not whole MB."""
    if n_bytes >= 1_000_000 and n_bytes % 1_000_000 == 0:
        return f"{n_bytes // 1_000_000} MB"
    return f"{n_bytes:,} bytes"
