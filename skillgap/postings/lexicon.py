"""The words a posting's sentences are read with: general English and how job ads are written, not tuned
to any one ad."""

from __future__ import annotations

STOP = frozenset(
    "a an and or of the in on at to for with by as from into via per our your their its this that these "
    "those is are be been being was were will would can could should may might must have has had do does "
    "such e g eg etc i ie including include includes like plus who which what when where while than then "
    "also both either neither not no nor all any each every other others more most very well using use "
    "used".split()
)
CONJUNCTIONS = frozenset({"and", "or", "&", "and/or", "nor"})
# Capitalised words that do not make a product's name out of the skill beside them ("Excel Skills").
GENERIC = frozenset(
    "skills skill experience knowledge tools tool software certification certificate certified "
    "development management systems system platform platforms suite environment environments principles "
    "concepts methods methodology methodologies techniques practices expertise proficiency programming "
    "language languages framework frameworks fundamentals basics projects project applications "
    "application tasks".split()
)
# A skill's name right before one of these is a job title or a unit ("Learning & Development Manager").
ROLE_NOUNS = frozenset(
    "manager managers director directors lead leads leader leaders head heads analyst analysts "
    "specialist specialists designer designers developer developers engineer engineers coordinator "
    "coordinators officer officers administrator administrators consultant consultants practitioner "
    "practitioners professional professionals partner partners architect architects associate "
    "associates assistant assistants representative representatives executive executives supervisor "
    "supervisors technician technicians scientist scientists strategist strategists owner owners "
    "team teams department departments institute association university society council "
    "vp chief".split()
)
INTENSIFIERS = frozenset("highly very extremely increasingly super truly fully so too".split())
# "needing minimal supervision", "with little oversight": the skill is what the job does without
NEGATORS = frozenset("minimal minimum little no without limited less".split())
SETTINGS = frozenset(
    "environment environments culture cultures mindset atmosphere workplace organization organisation "
    "company companies startup startups setting settings spirit".split()
)
DEALING = frozenset(
    "with manage manages managing managed identify identifies identifying mitigate mitigates mitigating "
    "assess assesses assessing track tracks tracking monitor monitors monitoring oversee oversees "
    "overseeing engage engages engaging coordinate coordinates coordinating prioritize prioritise "
    "prioritizes prioritises prioritizing prioritising balance balancing liaise liaising evaluate "
    "evaluates evaluating select selecting".split()
)
DEALING_REACH = 12  # words back from the noun a word of dealing may stand
CLAUSE_WORDS = frozenset("when while to that which who whom for by through where so because if as".split())
