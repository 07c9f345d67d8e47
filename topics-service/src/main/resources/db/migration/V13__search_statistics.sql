-- The planner chooses between walking a list index in order (a common bigram: the first page comes
-- quickly) and the GIN index (a rare one: a handful of rows to sort). It can only choose well if it
-- knows how rare a bigram is: at the default statistics target a bigram seen in 0.001 % of topics was
-- estimated at 0.19 %, and a search for it walked a million rows (2 s). A longer list of common
-- bigrams makes the estimate of the others small. See docs/decisions/0007-chinese-search.md.
alter table topic alter column search_grams set statistics 1000;
