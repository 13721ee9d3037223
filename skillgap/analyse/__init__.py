"""Stage 3: the gap between what a role requires and what a person has."""

from skillgap.analyse.gaps import Analysis, Gap, PersonSkill, analyse, gap_names, person_skills

__all__ = ["Analysis", "Gap", "PersonSkill", "analyse", "gap_names", "person_skills"]
