"""Operations tagged ``models`` (their modules are imported when asked for)."""
