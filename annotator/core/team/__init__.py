"""Team work: hand reports out in packages, bring them back, measure agreement, settle disagreements."""
