"""A person's own records in: a LinkedIn data export, a JSON Resume, a CV, into a profile to review.

Pure, like the rest of the core: each reader (`linkedin`, `jsonresume`, `cv`) gathers what its source
says of each skill into `estimate.Evidence` (the positions that name it and for how long, endorsements, a
level the person wrote) and turns it into a `Claim` at the level that evidence supports, never more
(`estimate`); certifications are looked up in the catalog by title and issuer (`credentials`); skills in
running text are found by the job-posting reader's extractor (`mentions`); `merge` adds what is new to a
profile the person already has. Nothing here prints or writes a file.
"""
