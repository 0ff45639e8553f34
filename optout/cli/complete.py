"""Shell completion (bash, zsh, fish, through Typer's `--install-completion`): platform slugs,
setting ids and account names. What they read is imported only when the shell asks."""

from __future__ import annotations

import typer  # already loaded by the app: Typer hands these the context by its type


def platforms(incomplete: str) -> list[str]:
    from optout.engine import registry

    return [slug for slug in sorted({*registry.slugs(), *(e.slug for e in registry.answers())})
            if slug.startswith(incomplete.lower())]


def settings(ctx: typer.Context, incomplete: str) -> list[str]:
    """The setting ids of the platform already typed."""
    from optout.engine import registry
    from optout.errors import OptoutError

    try:
        flow = registry.load(str(ctx.params.get("platform") or ""))
    except OptoutError:
        return []
    return [s.id for s in flow.settings if s.id.startswith(incomplete)]


def accounts(ctx: typer.Context, incomplete: str) -> list[str]:
    """The accounts known for the platform(s) typed, or for any platform."""
    from optout import accounts as known
    from optout.errors import OptoutError

    # A list argument typed so far sits in the context's leftover words while completing.
    typed = ctx.params.get("platform") or ctx.params.get("platforms") or ctx.args or []
    wanted = {typed} if isinstance(typed, str) else set(typed)
    try:
        every = known.everything()
    except OptoutError:
        return []
    names = {name for slug, names in every.items() if not wanted or slug in wanted
             for name in names}
    return sorted(name for name in names if name.startswith(incomplete))
