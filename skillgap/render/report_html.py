"""Coaching sheets as one self-contained HTML page: inline CSS, an inline SVG chart, no scripts.

Nothing on the page is fetched: no scripts, fonts, style sheets or images from anywhere, and a
Content-Security-Policy that forbids every load, so the page opens the same offline and leaks nothing when
opened. Links to credentials stay plain links (followed only when clicked, and only http and https). All
text from files is HTML-escaped. Print styles keep sections whole and write each link's address out.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from html import escape

from skillgap.analyse import Gap
from skillgap.cohort import Cohort
from skillgap.cohort.funding import Funding
from skillgap.levels import MAX_LEVEL
from skillgap.progress import Progress, other_person_note
from skillgap.render import shared_out
from skillgap.render.cohort_table import cell_text, person_labels
from skillgap.render.evidence import eligibility_notes
from skillgap.render.funding_out import funding_head, funding_lines
from skillgap.render.money import ESTIMATE_MARK, cost_text, hours_text
from skillgap.render.report_sheet import Sheet, cohort_questions
from skillgap.render.safe import clean, is_web
from skillgap.words import plural

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; "
    "script-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'"
)

CSS = """
:root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --have: #1f6feb; --need: #dbe4f0;
  --met: #2da44e; --short1: #d4a72c; --short2: #e16f24; --short3: #cf222e; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin-top: 2rem;
  border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
.facts { color: var(--muted); margin: 0 0 1rem; }
.meter { height: .8rem; background: var(--need); border-radius: .4rem; overflow: hidden; max-width: 24rem; }
.meter > span { display: block; height: 100%; background: var(--met); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } td.num, th.num { text-align: right; white-space: nowrap; }
.chart { max-width: 44rem; width: 100%; height: auto; display: block; margin: .5rem 0; }
.chart text { font: 13px system-ui, sans-serif; fill: var(--ink); }
.legend { color: var(--muted); font-size: .9rem; }
.wide { overflow-x: auto; }
.heat td { white-space: nowrap; font-variant-numeric: tabular-nums; }
.heat td > span { display: block; margin: -.3rem -.5rem; padding: .3rem .5rem; text-align: center; }
.d0 { background: #c9f0d3; } .d1 { background: #fbefc2; } .d2 { background: #fbd3b5; }
.d3 { background: #f8c2c2; }
ol.questions li { margin-bottom: .8rem; }
ol.questions li::after { content: ""; display: block; border-bottom: 1px dotted var(--line); height: 2.2rem; }
.person { margin-top: 3rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; color: #000; }
  a { color: #000; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 9pt; word-break: break-all; }
  section, table, svg, li { break-inside: avoid; }
  .person { break-before: page; margin-top: 0; }
  .wide { overflow: visible; } .heat { font-size: 8pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
""".strip()


def e(text: str | None) -> str:
    """Text from a file, escaped for HTML (quotes too) and stripped of control characters."""
    return escape(clean(text or ""), quote=True)


def a_link(title: str, url: str | None) -> str:
    if url and is_web(url):
        return f'<a href="{e(url)}" rel="noopener noreferrer">{e(title)}</a>'
    return e(title)


def table(
    head: Sequence[str], rows: Iterable[Sequence[str]], numeric: Collection[int] = (), css: str = ""
) -> str:
    """A table of cells that are already HTML; columns listed in `numeric` align right."""

    def cells(tag: str, row: Sequence[str]) -> str:
        return "".join(
            f"<{tag} class=num>{x}</{tag}>" if i in numeric else f"<{tag}>{x}</{tag}>"
            for i, x in enumerate(row)
        )

    body = "".join(f"<tr>{cells('td', r)}</tr>" for r in rows)
    attr = f' class="{css}"' if css else ""
    return f"<table{attr}><thead><tr>{cells('th', head)}</tr></thead><tbody>{body}</tbody></table>"


def section(title: str, body: str, tag: str = "h2", css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return f"<section{attr}><{tag}>{title}</{tag}>{body}</section>"


def page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{e(title)}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n{body}\n"
        "<footer>Prepared with skillgap. Levels 0-5: none, novice, advanced beginner, competent, proficient, "
        f"expert. {ESTIMATE_MARK} marks an estimate, not a figure the provider publishes.</footer>\n"
        "</body>\n</html>\n"
    )


def gap_chart(gaps: Sequence[Gap]) -> str:
    """Horizontal bars, one per gap: the level needed (light) and the level now (dark), with numbers."""
    label_w, unit, row_h, right = 230, 44, 30, 70
    width = label_w + unit * MAX_LEVEL + right
    height = row_h * len(gaps) + 24
    parts = [
        f'<svg class="chart" role="img" aria-label="Priority gaps: level now against the level needed" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
        "<title>Priority gaps: level now against the level needed</title>",
    ]
    for level in range(MAX_LEVEL + 1):
        x = label_w + unit * level
        parts.append(f'<line x1="{x}" y1="0" x2="{x}" y2="{height - 20}" stroke="#d0d7de" stroke-width="1"/>')
        parts.append(f'<text x="{x}" y="{height - 6}" text-anchor="middle">{level}</text>')
    for i, gap in enumerate(gaps):
        y = i * row_h + 4
        name = clean(gap.skill)
        short = name if len(name) <= 30 else name[:29] + "\u2026"
        parts.append(f'<g class="gap"><title>{e(name)}: level {gap.current} of {gap.required} needed</title>')
        parts.append(f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">{e(short)}</text>')
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{unit * gap.required}" height="{row_h - 10}" '
            'fill="#dbe4f0" stroke="#8c959f" stroke-dasharray="3 2"/>'
        )
        if gap.current:
            parts.append(
                f'<rect x="{label_w}" y="{y + 7}" width="{unit * min(gap.current, MAX_LEVEL)}" '
                f'height="{row_h - 18}" fill="#1f6feb"/>'
            )
        numbers = f"{gap.current} / {gap.required}"
        parts.append(f'<text x="{label_w + unit * MAX_LEVEL + 8}" y="{y + 16}">{numbers}</text></g>')
    parts.append("</svg>")
    return "\n".join(parts)


def person_body(sheet: Sheet, heading: str = "h1") -> str:
    a = sheet.analysis
    sub = "h2" if heading == "h1" else "h3"
    out = [
        f'<{heading} class="who">Coaching sheet: {e(a.profile.name)} \u2192 {e(a.role.title)}</{heading}>',
        '<p class="facts">'
        + " \u00b7 ".join(
            x
            for x in (
                f"Current role: {e(a.profile.current_role)}" if a.profile.current_role else "",
                f"Profile: {e(a.profile.file)}",
            )
            if x
        )
        + "</p>",
        f"<p><strong>Readiness {a.readiness:.0%}</strong> ({len(a.met)} of "
        f"{plural(len(a.requirements), 'requirement')} met)</p>",
        f'<div class="meter" role="img" aria-label="readiness {a.readiness:.0%}">'
        f'<span style="width:{a.readiness * 100:.1f}%"></span></div>',
    ]
    if sheet.progress is not None:
        out.append(progress_html(sheet, sheet.progress, sub))
    elif sheet.since_note:
        out.append(f"<section><{sub}>Since last time</{sub}><p>{e(sheet.since_note)}</p></section>")
    strengths = "".join(f"<li>{e(g.skill)}: {g.current} (needs {g.required})</li>" for g in sheet.strengths)
    out.append(
        f'<section class="strengths"><{sub}>Strengths</{sub}>'
        + (f"<ul>{strengths}</ul>" if strengths else "<p>None of the role's requirements is met yet.</p>")
        + "</section>"
    )
    out.append(gaps_html(sheet, sub))
    out.append(plan_html(sheet, sub))
    questions = "".join(f"<li>{e(q)}</li>" for q in sheet.questions)
    out.append(
        f'<section class="questions"><{sub}>Questions to discuss</{sub}>'
        f'<ol class="questions">{questions}</ol></section>'
    )
    return "\n".join(out)


def gaps_html(sheet: Sheet, sub: str) -> str:
    gaps = sheet.priority_gaps
    if not gaps:
        return section("Priority gaps", "<p>No gaps: every requirement is met.</p>", sub, "gaps")
    rows = [
        [str(i), e(g.skill), g.importance.value, str(g.current), str(g.required), str(g.gap)]
        for i, g in enumerate(gaps, start=1)
    ]
    body = (
        f"\n{gap_chart(gaps)}\n"
        '<p class="legend">Dark bar: level now. Light dashed bar: level needed.</p>'
        + table(["#", "Skill", "Importance", "Now", "Needed", "Gap"], rows, {0, 3, 4, 5})
    )
    return section("Priority gaps", body, sub, "gaps")


def plan_html(sheet: Sheet, sub: str) -> str:
    plan = sheet.plan
    if not plan.steps:
        text = (
            "No credential in the catalog closes these gaps." if sheet.priority_gaps else "Nothing to plan."
        )
        return section("The plan", f"<p>{text}</p>", sub, "plan")
    rows = []
    for step in plan.steps:
        c = step.credential
        when = ""
        if step.start and step.finish:
            when = f"<br><small>{step.start.isoformat()} to {step.finish.isoformat()}</small>"
        closes = "<br>".join(e(x) for x in step.closes)
        title = a_link(c.title, c.url) + when
        rows.append([str(step.number), title, e(c.provider), closes, e(hours_text(c)), e(cost_text(c))])
    body = [
        table(["Step", "Credential", "Provider", "Closes", "Hours", "Cost"], rows, {0, 4, 5}),
        f"<p><strong>Total: {e(plan.cost_text)}, {e(plan.hours_text)}</strong>; readiness after the plan "
        f"{plan.readiness_after:.0%}.</p>",
    ]
    body += [f'<p class="eligibility">{e(note)}</p>' for note in plan.conditions]
    if plan.open_gaps:
        items = "".join(f"<li>{e(skill)}: {e(why)}</li>" for skill, why in plan.open_gaps)
        body.append(f"<p>Left open:</p><ul>{items}</ul>")
    if plan.beyond:
        body.append(f"<p>{e(plan.beyond)}</p>")
    if plan.notes:
        items = "".join(f"<li>{e(x)}</li>" for x in plan.notes)
        body.append(f"<p>Notes:</p><ul>{items}</ul>")
    return section("The plan", "\n".join(body), sub, "plan")


def progress_html(sheet: Sheet, p: Progress, sub: str) -> str:
    points = p.points
    rows = [
        ("Gaps closed", [f"{e(c.skill)} (now {c.after} of {c.required})" for c in p.closed]),
        ("Levels gained", [f"{e(c.skill)} {c.before}\u2192{c.after}" for c in p.gained]),
        ("Credentials earned", [e(sheet.title(c)) for c in p.earned]),
        ("Levels lower than last time", [f"{e(c.skill)} {c.before}\u2192{c.after}" for c in p.lost]),
        ("New gaps", [f"{e(c.skill)} ({c.after} of {c.required})" for c in p.new_gaps]),
    ]
    items = "".join(f"<li><strong>{label}:</strong> {', '.join(xs)}</li>" for label, xs in rows if xs)
    if not p.anything:
        items = "<li>Nothing has changed since the saved result.</li>"
    note = (
        ""
        if p.same_target
        else f"<p>Last time's result was for {e(p.before.target or '?')}: figures are not like for like.</p>"
    )
    if not p.same_person:
        note += f"<p>{e(other_person_note(p))}</p>"
    return (
        f'<section class="progress"><{sub}>Since last time</{sub}>'
        f"<p>Readiness {p.before.readiness:.0%} \u2192 <strong>{p.after.readiness:.0%}</strong> "
        f"({points:+d} points)</p>{note}<ul>{items}</ul></section>"
    )


def person_html(sheet: Sheet) -> str:
    a = sheet.analysis
    return page(f"Coaching sheet: {a.profile.name} \u2192 {a.role.title}", person_body(sheet))


def cohort_html(
    cohort: Cohort,
    sheets: Sequence[Sheet] = (),
    links: Mapping[str, str] | None = None,
    funding: Funding | None = None,
) -> str:
    n = len(cohort.people)
    head = ["Person", "Ready"] + [
        f"{e(c.skill)}<br><small>needs {c.required}</small>" for c in cohort.columns
    ]
    rows = []
    for a, label, row in zip(cohort.people, person_labels(cohort), cohort.rows, strict=True):
        name = e(label)
        if links and a.profile.file in links:
            name = f'<a href="{e(links[a.profile.file])}">{name}</a>'
        cells = [f'<span class="d{min(3, max(0, -c.diff))}">{e(cell_text(c))}</span>' for c in row]
        rows.append([name, f"{a.readiness:.0%}", *cells])
    out = [
        f"<h1>Cohort coaching sheet: {e(cohort.role.title)}</h1>",
        f'<p class="facts">{plural(n, "person")} \u00b7 average readiness {cohort.average_readiness:.0%}</p>',
        section(
            "Skills matrix",
            '<div class="wide">'
            + table(head, rows, {1}, "heat")
            + "</div>"
            + '<p class="legend">Each cell: level now/needed, or \u2713 when met. Green met, yellow 1 short, '
            "orange 2, red 3 or more.</p>",
        ),
    ]
    if cohort.common_gaps:
        gap_rows = [
            [
                e(g.column.skill),
                g.column.importance.value,
                str(g.column.required),
                f"{g.count} of {n}",
                f"{g.average_gap:.1f}",
            ]
            for g in cohort.common_gaps
        ]
        head2 = ["Skill", "Importance", "Needs", "People short", "Average gap"]
        out.append(section("Most common gaps", table(head2, gap_rows, {2, 3, 4})))
    if cohort.shared:
        shared_rows = []
        for r in cohort.shared:
            c = r.credential
            first = shared_out.needs_first(r)
            closed = shared_out.not_open(r, [a.profile.name for a in cohort.people])
            shared_rows.append(
                [
                    str(r.rank),
                    f"{a_link(c.title, c.url)}<br><small>{e(c.provider)}</small>"
                    + "".join(f"<br><small>{e(x)}</small>" for x in (first, closed) if x),
                    f"{r.helps} of {n}",
                    ", ".join(f"{e(skill)} ({k})" for skill, k in r.closes),
                    e(shared_out.per_person_cost(r)),
                    e(shared_out.total_cost(r)),
                    e(shared_out.per_person_hours(r)),
                ]
            )
        head3 = ["#", "Credential", "Helps", "Closes (people)", "Cost per person helped", "Total", "Hours"]
        conditions = "".join(
            f'<p class="eligibility">{e(note)}</p>'
            for note in eligibility_notes(r.credential for r in cohort.shared)
        )
        out.append(
            section(
                "Credentials that help the most people",
                table(head3, shared_rows, {0, 2, 4, 5, 6}) + conditions,
            )
        )
    if funding is not None:
        items = "".join(f"<li>{e(line)}</li>" for line in funding_lines(funding, cohort))
        out.append(
            section(
                "Who the shared credentials fund first", f"<p>{e(funding_head(funding))}</p><ul>{items}</ul>"
            )
        )
    if cohort.errors:
        items = "".join(f"<li>{e(f.message)}</li>" for f in cohort.errors)
        out.append(section("Profiles that could not be read", f"<ul>{items}</ul>"))
    questions = "".join(f"<li>{e(q)}</li>" for q in cohort_questions(cohort))
    out.append(section("Questions for the group", f'<ol class="questions">{questions}</ol>'))
    for s in sheets:
        out.append(f'<article class="person">{person_body(s, heading="h2")}</article>')
    return page(f"Cohort coaching sheet: {cohort.role.title}", "\n".join(out))
