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
# Who or what a business sells to or through, written like names but naming a market, not a product:
# "B2B SaaS sales" is sales, not a product called "SaaS Sales".
MARKETS = frozenset("saas paas iaas b2b b2c b2g d2c dtc smb smbs smes".split())
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
    "vp chief staff personnel "
    # the people a job serves, named for what they learn: "English language learners" are pupils
    "learners students pupils".split()
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
# Before a noun, these make it a thing or an organisation ("a remote organization", "the latest research")
DETERMINERS = frozenset("a an the this that these those our your their its his her every each".split())
# Prepositions the stop words leave out: a noun phrase ends before one ("report data across channels")
PREPOSITIONS = frozenset(
    "across within through throughout over under between among around toward towards during after before "
    "against beyond without upon about inside outside onto".split()
)
# Adjectives before a noun, by their ending or as the commonest ones in job ads: what they qualify is
# still the thing itself ("external vendors", "key stakeholders"), where a noun before it makes another
# thing ("server resources")
ADJECTIVE_ENDINGS = (
    "al", "ive", "ous", "ic", "ent", "ant", "ary", "ful", "less", "able", "ible", "ed", "ior"
)
ADJECTIVES = frozenset(
    "key new all other various multiple many several diverse existing major top core main prime big small "
    "large few wide broad daily weekly monthly high low tight strict competing conflicting shifting "
    "changing urgent short hard firm".split()
)
# Words for people at work, in the plural: a list of them is a list of colleagues, teams or departments
PEOPLE = frozenset(w for w in ROLE_NOUNS if w.endswith("s") and not w.endswith("ss")) | frozenset(
    "people staff colleagues stakeholders customers clients users peers teammates trainers "
    "developers".split()
)

# Words the scanner's guards look for around a phrase (skillgap.postings.shapes)
# after a verb that starts a sentence, not after a name: "Resolve the issue", "React to", "Excel in"
VERB_FOLLOWERS = DETERMINERS | PREPOSITIONS | frozenset("to in at on up out off sure it them into by".split())
# Verbs of making: what they make decides the skill ("write SQL" is SQL, "write reports" writing)
MAKING = frozenset("write writes writing build builds building create creates creating code coding".split())
# Verbs of working alongside: what follows "with" is a team ("partner with customer success")
PARTNERING = frozenset(
    "partner partners partnering liaise liaises liaising collaborate collaborates collaborating "
    "negotiate negotiates negotiating negotiation negotiations".split()
)
# What a verb of making makes when it is programming: "write clean code" is no writing skill
CODE = frozenset("code tests test software programs scripts queries applications apps services".split())
ARTICLES = frozenset("a an the our your their all".split())  # what may stand between a verb and its object
# Who does what the verb after them says: "you manage several deadlines"
SUBJECTS = frozenset("you we they i you'll we'll they'll you'd".split())
# Who "leadership" and "management" are after these words: the people at the top, not a skill
SENIOR = frozenset("senior executive upper top".split())
GOVERNING = frozenset("leadership management".split())
# Product names that are also verbs taking an object: first in a sentence before one, they are the verb
VERB_NAMES = frozenset("resolve spark sketch stitch torch buffer lever".split())
# What a product's own work is called, after its name: "Spark jobs", "Sketch files" are the product's
PRODUCT_WORK = frozenset(
    "jobs job pipelines pipeline clusters cluster applications application workloads streaming queries "
    "files file scripts script models model projects project code".split()
)
# Verbs of telling: who follows "to" is the audience ("report progress to senior leadership")
TELLING = frozenset(
    "present presents presenting report reports reporting communicate communicates communicating "
    "explain explains explaining escalate escalates escalating pitch pitches pitching".split()
)
# What a single word before "data" describes: the data's subject ("sales data", "patient data")
DATA_WORDS = frozenset("data dataset datasets".split())
# The states data and material come in, which describe what follows ("raw, disorganized data")
STATES = frozenset("raw clean messy unstructured structured".split())
# How much of a thing, before what the thing is: "large quantities of data" is data
AMOUNTS = frozenset("quantities quantity amounts amount volumes volume numbers variety range lots".split())
