"""The pipeline picture drawn in colour: the same lines as `jobtrack stats`."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from jobtrack.core.pipeline import LABEL, NUMBER, STAGES, Pipeline, bar_lines

# Theme variables that colour each stage's bar; stages not named are dimmed.
STAGE_COLOURS = {
    "saved": "secondary",
    "applied": "primary",
    "interviewing": "accent",
    "offer": "warning",
    "accepted": "success",
    "rejected": "error",
}


class PipelineBars(Widget):
    DEFAULT_CSS = """
    PipelineBars {
        height: auto;
        padding: 1 2;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pipeline = Pipeline()

    def show(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(bar_lines(self.pipeline))

    def render(self) -> Text:
        colours = self.app.theme_variables
        out = Text(no_wrap=True, overflow="crop")
        lines = bar_lines(self.pipeline, width=max(self.content_size.width, LABEL + NUMBER + 2))
        for index, line in enumerate(lines):
            stage = line[:LABEL].strip()
            if stage in STAGES:
                out.append(line[: LABEL + NUMBER + 1])
                out.append(line[LABEL + NUMBER + 1 :], style=colours.get(STAGE_COLOURS.get(stage, ""), "") or "dim")
            else:
                out.append(line, style="bold" if index in (0, len(lines) - 1) else "")
            out.append("\n")
        out.rstrip()
        return out
