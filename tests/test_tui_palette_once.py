"""Pilot tests: the command palette lists each command once on every screen (Textual's own
"Theme" and the app's next-theme key used to appear as two "Theme" commands)."""

from __future__ import annotations

from collections import Counter

from jobtrack.store.store import Store

from tui_kit import make_app, palette_choose


async def test_every_screen_offers_each_command_once(store: Store) -> None:
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for keys in [(), ("down", "enter"), ("escape", "w"), ("escape", "r")]:
            await pilot.press(*keys)
            await pilot.pause()
            titles = Counter(c.title for c in app.get_system_commands(app.screen))
            assert [t for t, n in titles.items() if n > 1] == [], app.screen
            assert {"Theme", "Next theme"} <= set(titles)


async def test_the_palette_shows_theme_and_next_theme_once_each(store: Store) -> None:
    app = make_app(store)
    app.remind = False
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        offered = [o.splitlines()[0] for o in await palette_choose(app, pilot, "theme")]
        assert sorted(o for o in offered if "heme" in o) == ["Next theme", "Theme"]
        assert app.screen.__class__.__name__ != "PostingsScreen"  # the first ("Theme") opened the theme list
