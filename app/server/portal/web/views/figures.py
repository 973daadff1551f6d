"""Team figures: charts from flet-charts, each with the same figures in words beside it."""

from __future__ import annotations

import flet as ft
import flet_charts as fch

from app.server.portal.figures import RISK_LEVELS, Figures
from app.server.portal.web.context import AuthCtx, MoreCtx
from app.server.portal.web.state import AuthState
from app.server.portal.web.state_more import FiguresState
from app.server.portal.web.views.item import DATE_FILTER
from app.server.portal.web.widgets import frame, heading, notice, use_form

RISK_COLOURS = {"high": "#B3261E", "increased": "#E07B00", "incomplete": "#6750A4", "low": "#2E7D32"}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month_label(m: str) -> str:
    year, month = m.split("-")
    return f"{MONTHS[int(month) - 1]} {year[2:]}"


def _card(title: str, words: str, chart: ft.Control | None = None) -> ft.Control:
    body: list[ft.Control] = [heading(title, size=18)]
    if chart is not None:
        body.append(ft.Semantics(label=f"Chart: {title}. {words}", content=ft.Container(chart, height=260)))
    body.append(ft.Text(words, size=15))
    return ft.Container(
        content=ft.Column(body, spacing=8),
        padding=14,
        border=ft.Border.all(1, "#CAC4D0"),
        border_radius=12,
        col={"xs": 12, "md": 6},
    )


def _per_month(f: Figures) -> ft.Control:
    groups = []
    top = 1
    for i, m in enumerate(f.months):
        counts = f.per_month.get(m, {})
        start, stack = 0.0, []
        for level in RISK_LEVELS:
            n = counts.get(level, 0)
            if n:
                stack.append(
                    fch.BarChartRodStackItem(from_y=start, to_y=start + n, color=RISK_COLOURS[level])
                )
                start += n
        top = max(top, int(start))
        groups.append(
            fch.BarChartGroup(x=i, rods=[fch.BarChartRod(from_y=0, to_y=start, width=14, stack_items=stack)])
        )
    step = max(1, len(f.months) // 6)
    chart = fch.BarChart(
        groups=groups,
        bottom_axis=fch.ChartAxis(
            labels=[
                fch.ChartAxisLabel(value=i, label=ft.Text(_month_label(m), size=11))
                for i, m in enumerate(f.months)
                if i % step == 0
            ]
        ),
        left_axis=fch.ChartAxis(title=ft.Text("Visits"), label_size=36),
        max_y=top + 1,
        interactive=True,
    )
    lines = []
    for m in f.months:
        counts = f.per_month.get(m, {})
        if counts:
            parts = ", ".join(f"{counts[lv]} {lv}" for lv in RISK_LEVELS if counts.get(lv))
            lines.append(f"{_month_label(m)}: {parts}")
    key = "Colours: " + ", ".join(
        f"{lv} {c}"
        for lv, c in (("high", "red"), ("increased", "orange"), ("incomplete", "purple"), ("low", "green"))
    )
    words = ("; ".join(lines) or "No visits in these dates") + ". " + key + "."
    return _card("Visits per month by risk level", words, chart)


def _factors(f: Figures) -> ft.Control:
    top = f.factors[:8]
    chart = fch.BarChart(
        groups=[
            fch.BarChartGroup(x=i, rods=[fch.BarChartRod(from_y=0, to_y=n, width=18, color="#1B5E9E")])
            for i, (_, n) in enumerate(top)
        ],
        bottom_axis=fch.ChartAxis(
            labels=[fch.ChartAxisLabel(value=i, label=ft.Text(str(i + 1))) for i in range(len(top))]
        ),
        left_axis=fch.ChartAxis(title=ft.Text("Visits"), label_size=36),
        max_y=(max((n for _, n in top), default=0)) + 1,
        interactive=True,
    )
    words = (
        "; ".join(f"{i + 1}. {t}: {n} ({f.percent(n)})" for i, (t, n) in enumerate(top))
        or "No risk factors recorded"
    )
    return _card("How often each factor is present", words, chart if top else None)


@ft.component
def FiguresView() -> ft.View:
    auth: AuthState = ft.use_context(AuthCtx)
    st: FiguresState = ft.use_context(MoreCtx)
    ft.use_effect(st.load, dependencies=[])
    v = use_form({"from": st.start, "to": st.end})

    def field(label: str, key: str) -> ft.Control:
        return ft.TextField(
            label=label,
            value=v[key],
            on_change=lambda e: v.__setitem__(key, e.control.value or ""),
            input_filter=DATE_FILTER,
            hint_text="dd/mm/yyyy",
            width=180,
            text_size=16,
        )

    controls: list[ft.Control] = [
        ft.Row(
            [
                field("From", "from"),
                field("To", "to"),
                ft.FilledButton("Show figures", on_click=lambda _: st.load(v["from"], v["to"])),
            ],
            wrap=True,
            vertical_alignment=ft.CrossAxisAlignment.CENTER,
        )
    ]
    if st.problems:
        controls.append(notice("Please check: " + "; ".join(st.problems), error=True))
    f = st.figures
    if f is None:
        return frame(auth, "Team figures", *controls)
    median = (
        f"median {f.median_days_to_supervision:g} days from visit to first supervision "
        f"({f.supervised_escalations} supervised)"
        if f.median_days_to_supervision is not None
        else "none supervised yet"
    )
    controls += [
        ft.Text(f"{f.visits} signed visits from {f.start:%d/%m/%Y} to {f.end:%d/%m/%Y}.", size=16),
        ft.ResponsiveRow(
            [
                _per_month(f),
                _factors(f),
                _card(
                    "Sleep space seen",
                    f"Seen at {f.sleep_seen} of {f.visits} visits ({f.percent(f.sleep_seen)}).",
                ),
                _card(
                    "Bed-sharing discussed (NICE QS37)",
                    f"Bed-sharing asked about and recorded at {f.bed_sharing_discussed} of {f.visits} visits "
                    f"({f.percent(f.bed_sharing_discussed)}).",
                ),
                _card(
                    "Escalations",
                    f"{f.escalations} visit{'' if f.escalations == 1 else 's'} escalated; {median}.",
                ),
                _card(
                    "Overdue",
                    f"{f.overdue_follow_ups} follow-up visits overdue; "
                    f"{f.overdue_actions} supervision actions past their due date.",
                ),
            ],
            spacing=12,
            run_spacing=12,
        ),
    ]
    return frame(auth, "Team figures", *controls)
