"""Operations tagged ``blobs`` (their modules are imported when asked for)."""
