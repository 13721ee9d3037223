"""Deterministic synthetic data for skillgap's benchmarks.

    python benchmarks/generate.py --credentials 10000 100000 --profiles 1000 --vocabulary 200000

writes, under ``benchmarks/out/data/`` (or ``--out``):

* ``catalog-N/``: ``catalog.yaml`` and ``catalog.json`` (the same N credentials), ``taxonomy.yaml`` (the
  common skills with the aliases people write), ``role.yaml``, ``profile.yaml`` and ``queries.txt`` (50
  skill names as people type them), all drawn from one pool of skills;
* ``cohort-M/``: M profile files written against the bundled catalog, taxonomy and a bundled role;
* ``vocabulary-V/``: ``vocabulary.txt`` (V distinct skill names, one a line), ``taxonomy.yaml`` and
  ``queries.txt`` for the matching benchmark.

Skill names are built combinatorially from realistic parts (modifier x domain x activity, "supply chain
analytics", "cloud security", tool names with versions) and written the ways people write them: case,
abbreviations ("mgmt", "dev"), British spellings, plurals, "&" for "and", hyphens, a trailing version,
a parenthesised qualifier, and the odd typo. Everything comes from one seeded ``random.Random``, so the
same arguments always give the same bytes. Existing output with the same parameters is reused.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out" / "data"
GENERATOR_VERSION = "2"
SEED = 20261129
QUERIES = 50

# --- vocabulary parts ----------------------------------------------------------------------------

DOMAINS = """
supply chain, cloud, data, marketing, financial, project, risk, quality, customer, product, network,
cyber, talent, learning, procurement, inventory, logistics, sales, brand, content, social media,
search engine, payroll, compliance, tax, audit, healthcare, clinical, manufacturing, energy, retail,
e-commerce, mobile, web, database, software, IT service, change, stakeholder, vendor, contract,
facilities, workforce, performance, employee, benefits, treasury, investment, portfolio, program,
operations, business, process, lean, agile, DevOps, security, identity, infrastructure, platform, API,
machine learning, AI, predictive, statistical, geospatial, environmental, sustainability, safety,
occupational health, public sector, legal, privacy, records, knowledge, document, instructional,
curriculum, assessment, event, hospitality, food safety, real estate, property, construction,
engineering, mechanical, electrical, chemical, pharmaceutical, regulatory, grant, nonprofit,
fundraising, community, media, video, graphic, user experience, user interface, accessibility,
localization, translation, customer success, account, credit, fraud, anti-money laundering,
insurance, actuarial, warehouse, fleet, transportation, import and export, trade, customs, demand,
revenue, pricing, cost, capital, budget, wellbeing, diversity and inclusion, labor relations,
organizational, team, behavior, research, laboratory, field service, help desk, release, test,
container, serverless, edge computing, blockchain, embedded systems, robotics, automation
"""

ACTIVITIES = """
analytics, management, security, strategy, planning, design, development, operations, engineering,
architecture, governance, reporting, modeling, optimization, visualization, forecasting, auditing,
administration, consulting, coordination, monitoring, testing, integration, migration, risk assessment,
budgeting, negotiation, communication, leadership, training, research, support, evaluation,
documentation, policy, improvement, transformation, innovation, scheduling, estimation,
quality assurance, troubleshooting, maintenance, implementation, measurement, benchmarking, writing,
editing, storytelling, facilitation, coaching, recruitment, onboarding, case management,
incident response, vulnerability assessment, fundamentals, best practices, standards, frameworks,
systems, methods, techniques, principles, law, ethics, economics, accounting, metrics, program
management, change management, data analysis, process mapping, requirements analysis, stakeholder
engagement, performance tuning, capacity planning, cost control, contract management
"""

MODIFIERS = """
advanced, applied, strategic, digital, enterprise, global, agile, introductory, intermediate,
operational, international, sustainable, remote, hybrid, cloud-based, data-driven, AI-assisted,
corporate, small business, public sector, healthcare, modern, practical, foundations of, hands-on,
industrial
"""

TOOLS = """
Microsoft Excel, Power BI, Tableau, Looker, Qlik Sense, SQL Server, PostgreSQL, MySQL, Oracle Database,
MongoDB, Snowflake, Databricks, Apache Spark, Hadoop, Kafka, Airflow, dbt, Python, R, SAS, SPSS, Stata,
MATLAB, Java, JavaScript, TypeScript, C#, Go, Rust, Kotlin, Swift, PHP, Ruby on Rails, Django, Flask,
React, Angular, Vue.js, Node.js, AWS, Microsoft Azure, Google Cloud, Kubernetes, Docker, Terraform,
Ansible, Jenkins, GitHub Actions, GitLab CI, Git, Linux, Windows Server, VMware vSphere, Cisco IOS,
Palo Alto firewalls, Splunk, ServiceNow, Jira, Confluence, Asana, Trello, Microsoft Project,
Primavera P6, SAP S/4HANA, SAP ERP, Oracle ERP Cloud, Workday, SuccessFactors, Salesforce, HubSpot,
Marketo, Google Analytics, Google Ads, Meta Ads, Adobe Photoshop, Adobe Illustrator, Adobe InDesign,
Adobe Premiere Pro, Adobe After Effects, Figma, Sketch, Canva, Articulate Storyline, Articulate Rise,
Adobe Captivate, Camtasia, Moodle, Cornerstone, Docebo, QuickBooks, Xero, NetSuite, Sage Intacct,
Bloomberg Terminal, AutoCAD, SolidWorks, Revit, ArcGIS, QGIS, Minitab, Alteryx, KNIME, UiPath,
Blue Prism, Power Automate, Zapier, Microsoft Teams, SharePoint, Dynamics 365, Zendesk, Freshdesk,
Kronos, ADP Workforce Now, Greenhouse, Lever, LinkedIn Recruiter, Hootsuite, Sprout Social, Semrush,
Ahrefs, WordPress, Shopify, Magento, Unity, Unreal Engine, TensorFlow, PyTorch, scikit-learn, Pandas,
NumPy, Jupyter, Excel VBA, Power Query, DAX
"""

TOOL_VERSIONS = ("", "", "", "2019", "2021", "2023", "365", "3", "10", "11", "v2", "CS6", "2024")
TOOL_ACTIVITIES = (
    "",
    "",
    "administration",
    "development",
    "reporting",
    "dashboards",
    "scripting",
    "fundamentals",
    "configuration",
    "automation",
    "for beginners",
    "certification prep",
)

UNKNOWN = (
    "play the piano",
    "underwater basket weaving",
    "knitting",
    "beekeeping",
    "sourdough baking",
    "bird watching",
    "origami",
    "wine tasting",
    "chess",
    "juggling",
)

# Spellings people write: (American, British) and abbreviations, applied word by word.
BRITISH = {
    "optimization": "optimisation",
    "modeling": "modelling",
    "visualization": "visualisation",
    "organizational": "organisational",
    "localization": "localisation",
    "behavior": "behaviour",
    "labor": "labour",
    "program": "programme",
    "analyze": "analyse",
    "center": "centre",
    "defense": "defence",
    "catalog": "catalogue",
}
ABBREVIATE = {
    "management": "mgmt",
    "development": "dev",
    "administration": "admin",
    "operations": "ops",
    "engineering": "eng",
    "information technology": "IT",
    "application": "app",
    "applications": "apps",
    "customer": "cust",
    "analytics": "analytics",
    "international": "intl",
    "documentation": "docs",
}
PLURALS = {"system": "systems", "method": "methods", "standard": "standards", "metric": "metrics"}
YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}

PROVIDER_STEMS = """
Northbridge, Harborview, Kestrel, Summit Ridge, Bluewater, Ironwood, Clearpath, Redfern, Lakeshore,
Oakmont, Silverline, Westgate, Brightwater, Stonebridge, Maple Grove, Pinecrest, Granite Peak,
Riverside, Eastfield, Highland, Crescent, Evergreen, Foxglove, Hawthorn, Juniper, Larkspur, Meridian,
Northstar, Orchard, Prairie, Quarry, Rowan, Saltmarsh, Thornbury, Upland, Valley Forge, Willowbrook,
Yarrow, Zephyr, Atlas, Beacon, Cobalt, Delta, Ember, Falcon, Glacier, Horizon, Indigo, Jasper
"""
PROVIDER_KINDS = (
    ("University", "university"),
    ("State University", "university"),
    ("Community College", "college"),
    ("Institute of Technology", "college"),
    ("Academy", "mooc"),
    ("Learning", "mooc"),
    ("Professional Association", "association"),
    ("Society", "association"),
    ("Software", "vendor"),
    ("Cloud", "vendor"),
    ("Corporate University", "employer"),
    ("Training Partners", "other"),
)
TYPES = ("course", "course", "course", "certificate", "badge", "professional certificate", "micromasters")
FORMATS = ("online", "online", "online", "in-person", "hybrid")
ASSESSMENTS = ("exam", "project", "portfolio", "practical", "completion")
CURRENCIES = ("USD", "USD", "USD", "EUR", "GBP", "AUD", "CAD")
TITLE_TEMPLATES = (
    "{a}",
    "Introduction to {a}",
    "{a} Essentials",
    "{a} and {b}",
    "Professional Certificate in {a}",
    "{a}: From Basics to Practice",
    "Applied {a}",
    "{a} for Managers",
    "Foundations of {a} with {b}",
    "Certified {a} Practitioner",
)
DESCRIPTIONS = (
    "Covers {a} and {b} through weekly case studies and a graded capstone.",
    "A practical introduction to {a}, with exercises on {b}.",
    "Builds working skill in {a}; learners finish with a portfolio piece.",
    "Self-paced video lessons and quizzes on {a}, {b} and {c}.",
    "For practitioners who use {a} daily and want to add {b}.",
    "",
    "",
    "",
    "",
    "",
    "",
)
FIRST_NAMES = """
Aisha, Ben, Carla, Deepak, Elena, Farid, Grace, Hiro, Ines, Jonas, Kemi, Lucas, Maya, Noah, Olga, Priya,
Quinn, Rosa, Sam, Tariq, Uma, Victor, Wen, Ximena, Yusuf, Zara, Dana, Chen, Fatima, Mateo
"""
LAST_NAMES = """
Okafor, Smith, Novak, Haddad, Kim, Garcia, Nguyen, Rossi, Schmidt, Ivanova, Patel, Mensah, Silva, Berg,
Tanaka, Murphy, Cohen, Lopez, Dubois, Kowalski, Andersen, Osei, Rahman, Moreau, Fischer
"""
LEVEL_NAMES = ("novice", "beginner", "competent", "proficient", "expert")


def _split(block: str) -> list[str]:
    return [p.strip() for p in block.replace("\n", " ").split(",") if p.strip()]


# --- names and the ways people write them ----------------------------------------------------------


def vocabulary(size: int, seed: int = SEED) -> list[str]:
    """`size` distinct skill names in a deterministic order, the plainest and commonest first.

    Order: domain x activity, tool x activity, tools with versions, then modifier x domain x activity,
    each block shuffled; so a small vocabulary is made of the two-word names a catalog uses most.
    """
    rng = random.Random(seed)
    domains, activities = _split(DOMAINS), _split(ACTIVITIES)
    modifiers, tools = _split(MODIFIERS), _split(TOOLS)
    blocks: list[Callable[[], list[str]]] = [
        lambda: [f"{d} {a}" for d in domains for a in activities],
        lambda: [f"{t} {a}".strip() for t in tools for a in TOOL_ACTIVITIES if a],
        lambda: [f"{t} {v}".strip() for t in tools for v in TOOL_VERSIONS if v] + tools,
        lambda: [f"{m} {d} {a}" for m in modifiers for d in domains for a in activities],
    ]
    seen: dict[str, str] = {}  # lower case -> as written
    for make in blocks:
        if len(seen) >= size:
            break
        block = make()
        rng.shuffle(block)
        for name in block:
            seen.setdefault(name.lower(), name)
            if len(seen) >= size:
                break
    if len(seen) < size:
        raise SystemExit(f"the vocabulary has only {len(seen):,} distinct names; asked for {size:,}")
    return list(seen.values())


def _swap_typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def written(name: str, rng: random.Random) -> str:
    """`name` as a person might write it (sometimes exactly as it is)."""
    roll = rng.random()
    text = name
    if roll < 0.35:
        return name
    if roll < 0.50:
        for us, gb in BRITISH.items():
            text = re.sub(rf"\b{us}\b", gb, text)
    elif roll < 0.62:
        for long, short in ABBREVIATE.items():
            text = re.sub(rf"\b{long}\b", short, text)
    elif roll < 0.70:
        text = text.title() if rng.random() < 0.5 else text.lower()
    elif roll < 0.76:
        for one, many in PLURALS.items():
            text = re.sub(rf"\b{one}\b", many, text)
        if text == name:
            text = text + "s" if not text.endswith("s") else text[:-1]
    elif roll < 0.81:
        text = text.replace(" and ", " & ") if " and " in text else text.replace(" ", "-", 1)
    elif roll < 0.86:
        text = f"{text} {rng.choice(('2023', '365', '3', 'v2'))}"
    elif roll < 0.90:
        text = f"{text} ({rng.choice(('advanced', 'basic', 'intermediate', 'beginner'))})"
    elif roll < 0.96:
        words = text.split(" ")
        longest = max(range(len(words)), key=lambda i: len(words[i]))
        words[longest] = _swap_typo(words[longest], rng)
        text = " ".join(words)
    else:
        text = text.upper() if len(text) < 12 else text.capitalize()
    return text


def aliases_of(name: str, rng: random.Random) -> list[str]:
    """Other names a taxonomy would list for `name`: its acronym, spellings, abbreviations."""
    out: list[str] = []
    words = name.split()
    if len(words) >= 3 and all(w[:1].isalpha() for w in words) and rng.random() < 0.3:
        out.append("".join(w[0] for w in words).upper())
    gb = name
    for us, br in BRITISH.items():
        gb = re.sub(rf"\b{us}\b", br, gb)
    short = name
    for long, abbreviation in ABBREVIATE.items():
        short = re.sub(rf"\b{long}\b", abbreviation, short)
    out.extend(n for n in (gb, short) if n != name)
    if len(words) == 2 and rng.random() < 0.3:
        out.append(f"{words[1]} of {words[0]}")
    if rng.random() < 0.3:
        out.append(f"{name} skills")
    return list(dict.fromkeys(a for a in out if a.lower() != name.lower()))


# --- YAML and JSON writing ----------------------------------------------------------------------

_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 ()./+&'-]*$")


def scalar(value: Any) -> str:
    """A YAML scalar: plain where that reads back as the same string, else JSON-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in YAML_WORDS and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)


def flow(items: Iterable[Any]) -> str:
    return "[" + ", ".join(scalar(i) for i in items) + "]"


def credential_yaml(c: dict[str, Any]) -> str:
    """One credential, in the compact block style `yaml.dump` writes (list items at the key's column)."""
    lines = [f"- id: {scalar(c['id'])}"]
    for key in ("title", "provider", "provider_type", "type", "url"):
        if key in c:
            lines.append(f"  {key}: {scalar(c[key])}")
    lines.append("  skills:")
    for s in c["skills"]:
        lines.append(f"  - {{name: {scalar(s['name'])}, level: {s['level']}}}")
    for key in ("hours", "cost", "currency", "format", "assessment"):
        if key in c:
            lines.append(f"  {key}: {scalar(c[key])}")
    for key in ("prerequisites", "stacks_into", "estimated"):
        if c.get(key):
            lines.append(f"  {key}: {flow(c[key])}")
    if c.get("description"):
        lines.append(f"  description: {scalar(c['description'])}")
    return "\n".join(lines) + "\n"


def catalog_yaml(catalog: dict[str, Any]) -> str:
    head = [f"name: {scalar(catalog['name'])}", f"currency: {catalog['currency']}"]
    head.append(f"as_of: {catalog['as_of']}")
    parts = ["\n".join(head) + "\ncredentials:\n"]
    parts.extend(credential_yaml(c) for c in catalog["credentials"])
    if catalog["pathways"]:
        parts.append("pathways:\n")
        for p in catalog["pathways"]:
            parts.append(
                f"- id: {scalar(p['id'])}\n  title: {scalar(p['title'])}\n"
                f"  credentials: {flow(p['credentials'])}\n  award: {scalar(p['award'])}\n"
            )
    return "".join(parts)


def taxonomy_yaml(skills: Sequence[tuple[str, list[str]]], abbreviations: dict[str, str]) -> str:
    out = ["name: Synthetic benchmark taxonomy\nskills:\n"]
    for name, aliases in skills:
        out.append(f"  - name: {scalar(name)}\n")
        if aliases:
            out.append(f"    aliases: {flow(aliases)}\n")
    out.append("abbreviations:\n")
    out.extend(f"  {scalar(k)}: {scalar(v)}\n" for k, v in abbreviations.items())
    return "".join(out)


def profile_yaml(profile: dict[str, Any]) -> str:
    out = [f"name: {scalar(profile['name'])}\n", f"current_role: {scalar(profile['current_role'])}\n"]
    out.append("skills:\n")
    for s in profile["skills"]:
        extra = f", last_used: {s['last_used']}" if s.get("last_used") else ""
        out.append(f"  - {{name: {scalar(s['name'])}, level: {scalar(s['level'])}{extra}}}\n")
    if profile.get("credentials"):
        out.append("credentials:\n")
        for held in profile["credentials"]:
            out.append(f"  - {{id: {scalar(held['id'])}, earned: {held['earned']}}}\n")
    prefs = profile["preferences"]
    out.append("preferences:\n")
    for key, value in prefs.items():
        out.append(f"  {key}: {flow(value) if isinstance(value, list) else scalar(value)}\n")
    return "".join(out)


def role_yaml(title: str, requirements: Sequence[tuple[str, int, str]]) -> str:
    out = [f"title: {scalar(title)}\n", "source: Synthetic, for skillgap's benchmarks\n", "requirements:\n"]
    for skill, level, importance in requirements:
        out.append(f"  - {{skill: {scalar(skill)}, level: {level}, importance: {importance}}}\n")
    return "".join(out)


# --- catalogs ---------------------------------------------------------------------------------


def _zipf_weights(n: int, exponent: float = 0.9) -> list[float]:
    return [1.0 / (rank + 1) ** exponent for rank in range(n)]


def pool_size(credentials: int) -> int:
    """Canonical skills a catalog of this size draws on (about 8,000 at 100,000 credentials)."""
    return max(150, min(8000, credentials // 12))


def build_catalog(n: int, seed: int = SEED) -> dict[str, Any]:
    """Everything for one catalog size: the catalog itself, its taxonomy, a role, a profile, queries."""
    rng = random.Random(seed * 1_000_003 + n)
    pool = vocabulary(max(pool_size(n), 3000), seed)[: pool_size(n)]
    rng.shuffle(pool)
    weights = _zipf_weights(len(pool))
    cumulative: list[float] = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    providers = [
        (f"{stem} {kind}", ptype, re.sub(r"[^a-z]+", "-", stem.lower()).strip("-"))
        for stem in _split(PROVIDER_STEMS)
        for kind, ptype in PROVIDER_KINDS
    ]
    rng.shuffle(providers)
    providers = providers[: max(10, min(len(providers), n // 150))]

    credentials: list[dict[str, Any]] = []
    pathways: list[dict[str, Any]] = []
    pathway_members: dict[str, list[str]] = {}
    for i in range(n):
        provider, ptype, slug = providers[int(rng.random() ** 1.5 * len(providers))]
        count = min(8, max(3, int(rng.gauss(5, 1.2) + 0.5)))
        chosen: dict[str, None] = {}
        while len(chosen) < count:
            chosen.setdefault(pool[_pick(cumulative, rng)], None)
        skills = [{"name": written(s, rng), "level": rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5))} for s in chosen]
        names = list(chosen)
        ident = f"{slug}-{i:06d}"
        a, b, c = names[0], names[1], names[2]
        c_dict: dict[str, Any] = {
            "id": ident,
            "title": rng.choice(TITLE_TEMPLATES).format(a=a.title(), b=b.title()),
            "provider": provider,
            "provider_type": ptype,
            "type": rng.choice(TYPES),
            "skills": skills,
        }
        if rng.random() < 0.5:
            c_dict["url"] = f"https://{slug}.example.org/c/{i:06d}"
        if rng.random() < 0.93:
            c_dict["hours"] = rng.choice((4, 8, 10, 12, 16, 20, 24, 30, 40, 60, 80, 120, 150))
        if rng.random() < 0.9:
            c_dict["cost"] = rng.choice((0, 0, 49, 79, 99, 149, 199, 299, 450, 600, 995, 1450, 2500))
            currency = rng.choice(CURRENCIES)
            if currency != "USD":  # the file's default
                c_dict["currency"] = currency
        c_dict["format"] = rng.choice(FORMATS)
        c_dict["assessment"] = rng.choice(ASSESSMENTS)
        if i > 10 and rng.random() < 0.08:
            back = rng.randrange(1, min(i, 50))
            c_dict["prerequisites"] = [credentials[i - back]["id"]]
        if rng.random() < 0.1:
            pid = f"{slug}-path-{(i // 40):05d}"
            pathway_members.setdefault(pid, []).append(ident)
            c_dict["stacks_into"] = [pid]
        if rng.random() < 0.3:
            c_dict["estimated"] = rng.sample(("hours", "cost"), rng.choice((1, 2)))
        description = rng.choice(DESCRIPTIONS).format(a=a, b=b, c=c) if rng.random() < 0.5 else ""
        if description:
            c_dict["description"] = description
        credentials.append(c_dict)
    for pid, members in pathway_members.items():
        pathways.append(
            {"id": pid, "title": f"Pathway {pid}", "credentials": members, "award": f"Certificate {pid}"}
        )
    catalog = {"name": f"Synthetic catalog of {n:,} credentials", "currency": "USD", "as_of": "2026-11"}
    catalog.update(credentials=credentials, pathways=pathways)

    common = pool[: max(50, len(pool) // 3)]
    taxonomy = [(name, aliases_of(name, rng)) for name in common]
    abbreviations = {"anlyt": "analytics", "optim": "optimization", "prog": "programming"}

    req_names = common[:40]
    rng.shuffle(req_names)
    importances = ("essential",) * 4 + ("important",) * 6 + ("nice-to-have",) * 2
    requirements = [
        (written(s, rng), rng.choice((2, 3, 3, 4)), imp)
        for s, imp in zip(req_names[: len(importances)], importances, strict=True)
    ]
    role = role_yaml("Synthetic Operations Analyst", requirements)
    profile_skills = req_names[:6] + pool[len(common) : len(common) + 6]
    profile = {
        "name": "Benchmark Person",
        "current_role": "Analyst",
        "skills": [
            {"name": written(s, rng), "level": rng.choice(LEVEL_NAMES), "last_used": "2026-06"}
            for s in profile_skills
        ],
        "credentials": [{"id": credentials[rng.randrange(n)]["id"], "earned": "2025-04"}],
        "preferences": {"budget": 2000, "currency": "USD", "hours_per_week": 6, "formats": ["online"]},
    }
    queries = make_queries(pool, rng)
    return {
        "catalog": catalog,
        "taxonomy": taxonomy,
        "abbreviations": abbreviations,
        "role": role,
        "profile": profile,
        "queries": queries,
    }


def _pick(cumulative: Sequence[float], rng: random.Random) -> int:
    import bisect

    return min(len(cumulative) - 1, bisect.bisect_left(cumulative, rng.random() * cumulative[-1]))


def mistyped(name: str, rng: random.Random) -> str:
    """One slip of the keyboard in the longest word: two letters swapped, one dropped or doubled."""
    words = name.split(" ")
    i = max(range(len(words)), key=lambda k: len(words[k]))
    word = words[i]
    if len(word) >= 5:
        at = rng.randrange(1, len(word) - 2)
        kind = rng.randrange(3)
        if kind == 0:
            word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        elif kind == 1:
            word = word[:at] + word[at + 1 :]
        else:
            word = word[:at] + word[at] + word[at:]
    words[i] = word
    return " ".join(words)


def respelt(name: str, rng: random.Random) -> str:
    """`name` written another way that means the same (a different spelling, abbreviation or case)."""
    for _ in range(20):
        text = written(name, rng)
        if text != name and text.lower() != name.lower() and text != mistyped(name, random.Random(0)):
            return text
    return name.title()


def make_queries(names: Sequence[str], rng: random.Random, count: int = QUERIES) -> list[str]:
    """`count` names as people type them, in a fixed mix: a fifth as written but in another case, a fifth
    respelt (British spelling, abbreviation, plural, "&", version, qualifier), three tenths mistyped, a
    tenth with words reordered or one dropped, and a fifth that are not in the vocabulary at all."""
    n_unknown, n_exact, n_respelt, n_typo = count // 5, count // 5, count // 5, count * 3 // 10
    n_reorder = count - n_unknown - n_exact - n_respelt - n_typo
    picks = rng.sample(list(names), count - n_unknown)
    out = [p.lower() if rng.random() < 0.5 else p.title() for p in picks[:n_exact]]
    out += [respelt(p, rng) for p in picks[n_exact : n_exact + n_respelt]]
    out += [mistyped(p, rng) for p in picks[n_exact + n_respelt : n_exact + n_respelt + n_typo]]
    for p in picks[count - n_unknown - n_reorder :]:
        words = p.split()
        if len(words) >= 3 and rng.random() < 0.5:
            del words[rng.randrange(len(words))]
        elif len(words) >= 2:
            words = words[1:] + words[:1]
        out.append(" ".join(words))
    unknown = list(UNKNOWN)
    while len(unknown) < n_unknown:
        unknown.append(f"{rng.choice(UNKNOWN)} {len(unknown)}")
    out += unknown[:n_unknown]
    rng.shuffle(out)
    return out


# --- cohorts against the bundled catalog ------------------------------------------------------------


def bundled_names() -> tuple[list[str], list[str], dict[str, list[str]]]:
    """Bundled taxonomy names and aliases, bundled credential ids, and each bundled role's skills."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    names: list[str] = []
    for path in sorted((ROOT / "catalogs" / "skills").glob("*.yaml")):
        taxonomy = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        for skill in taxonomy["skills"]:
            names.append(skill["name"])
            names.extend(skill.get("aliases") or ())
    ids: list[str] = []
    for path in sorted((ROOT / "catalogs" / "credentials").glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        ids.extend(c["id"] for c in data.get("credentials") or ())
    roles: dict[str, list[str]] = {}
    for path in sorted((ROOT / "catalogs" / "roles").glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        reqs = data.get("requirements") or []
        if isinstance(reqs, dict):
            roles[path.stem] = list(reqs)
        else:  # each requirement's skill, or each alternative of a choice (`any_of`)
            roles[path.stem] = [name for r in reqs for name in r.get("any_of") or [r["skill"]]]
    return names, ids, roles


def build_cohort(m: int, role: str, seed: int = SEED) -> list[dict[str, Any]]:
    rng = random.Random(seed * 7 + m)
    names, ids, roles = bundled_names()
    wanted = roles[role]
    others = vocabulary(3000, seed)
    firsts, lasts = _split(FIRST_NAMES), _split(LAST_NAMES)
    people = []
    for i in range(m):
        chosen: dict[str, None] = {}
        for s in rng.sample(wanted, rng.randint(2, min(len(wanted), 8))):
            chosen[s] = None
        for s in rng.sample(names, rng.randint(3, 8)):
            chosen[s] = None
        for s in rng.sample(others, rng.randint(0, 3)):
            chosen[s] = None
        skills = [{"name": written(s, rng), "level": rng.randint(1, 5)} for s in chosen]
        skills = list({s["name"].lower(): s for s in skills}.values())
        for s in skills:
            if rng.random() < 0.3:
                s["last_used"] = f"20{rng.randint(18, 26)}-{rng.randint(1, 12):02d}"
        held = [
            {"id": cid, "earned": f"20{rng.randint(19, 26)}"} for cid in rng.sample(ids, rng.randint(0, 2))
        ]
        prefs: dict[str, Any] = {}
        if rng.random() < 0.7:
            prefs["budget"] = rng.choice((500, 1000, 1500, 3000))
            prefs["currency"] = "USD"
        if rng.random() < 0.5:
            prefs["hours_per_week"] = rng.choice((2, 4, 5, 8))
        if rng.random() < 0.5:
            prefs["formats"] = rng.sample(["online", "in-person", "hybrid"], rng.randint(1, 2))
        if rng.random() < 0.1:
            prefs["exclude_providers"] = ["Coursera"]
        people.append(
            {
                "name": f"{rng.choice(firsts)} {rng.choice(lasts)} {i + 1:04d}",
                "current_role": rng.choice(("Trainer", "Analyst", "HR generalist", "Coordinator")),
                "skills": skills,
                "credentials": held,
                "preferences": prefs,
            }
        )
    return people


# --- writing ---------------------------------------------------------------------------------------


def _manifest_ok(folder: Path, params: dict[str, Any]) -> bool:
    try:
        return json.loads((folder / "manifest.json").read_text(encoding="utf-8")) == params
    except (OSError, ValueError):
        return False


def _finish(folder: Path, params: dict[str, Any]) -> None:
    (folder / "manifest.json").write_text(json.dumps(params, indent=1) + "\n", encoding="utf-8")


def write_catalog_set(n: int, out: Path = OUT, seed: int = SEED, force: bool = False) -> Path:
    folder = out / f"catalog-{n}"
    params = {"kind": "catalog", "credentials": n, "seed": seed, "version": GENERATOR_VERSION}
    if not force and _manifest_ok(folder, params):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    data = build_catalog(n, seed)
    (folder / "catalog.yaml").write_text(catalog_yaml(data["catalog"]), encoding="utf-8")
    with open(folder / "catalog.json", "w", encoding="utf-8") as handle:
        json.dump(data["catalog"], handle, ensure_ascii=False, separators=(",", ":"))
    (folder / "taxonomy.yaml").write_text(
        taxonomy_yaml(data["taxonomy"], data["abbreviations"]), encoding="utf-8"
    )
    (folder / "role.yaml").write_text(data["role"], encoding="utf-8")
    (folder / "profile.yaml").write_text(profile_yaml(data["profile"]), encoding="utf-8")
    (folder / "queries.txt").write_text("\n".join(data["queries"]) + "\n", encoding="utf-8")
    _finish(folder, params)
    return folder


def write_cohort(m: int, role: str, out: Path = OUT, seed: int = SEED, force: bool = False) -> Path:
    folder = out / f"cohort-{m}"
    params = {"kind": "cohort", "profiles": m, "role": role, "seed": seed, "version": GENERATOR_VERSION}
    if not force and _manifest_ok(folder, params):
        return folder
    people_dir = folder / "profiles"
    if people_dir.exists():
        for old in people_dir.glob("*.yaml"):
            old.unlink()
    people_dir.mkdir(parents=True, exist_ok=True)
    for i, person in enumerate(build_cohort(m, role, seed)):
        (people_dir / f"p{i + 1:05d}.yaml").write_text(profile_yaml(person), encoding="utf-8")
    _finish(folder, params)
    return folder


def write_vocabulary(v: int, out: Path = OUT, seed: int = SEED, force: bool = False) -> Path:
    folder = out / f"vocabulary-{v}"
    params = {"kind": "vocabulary", "names": v, "seed": seed, "version": GENERATOR_VERSION}
    if not force and _manifest_ok(folder, params):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed * 11 + v)
    names = vocabulary(v, seed)
    (folder / "vocabulary.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    head = names[: max(50, min(2000, v // 100))]
    taxonomy = [(name, aliases_of(name, rng)) for name in head]
    (folder / "taxonomy.yaml").write_text(taxonomy_yaml(taxonomy, {}), encoding="utf-8")
    (folder / "queries.txt").write_text("\n".join(make_queries(names, rng)) + "\n", encoding="utf-8")
    _finish(folder, params)
    return folder


def digest(folder: Path) -> str:
    """SHA-256 over every file below `folder` (names and bytes), for checking determinism."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--credentials", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--profiles", type=int, default=1000)
    parser.add_argument("--role", default="instructional-designer", help="bundled role for the cohort")
    parser.add_argument("--vocabulary", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--force", action="store_true", help="regenerate even when the output exists")
    args = parser.parse_args(argv)
    for n in args.credentials:
        folder = write_catalog_set(n, args.out, args.seed, args.force)
        size = (folder / "catalog.yaml").stat().st_size / 1e6
        print(f"{folder}: {n:,} credentials, {size:.1f} MB of YAML", file=sys.stderr)
    if args.profiles:
        folder = write_cohort(args.profiles, args.role, args.out, args.seed, args.force)
        print(f"{folder}: {args.profiles:,} profiles against {args.role}", file=sys.stderr)
    if args.vocabulary:
        folder = write_vocabulary(args.vocabulary, args.out, args.seed, args.force)
        print(f"{folder}: {args.vocabulary:,} distinct names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
