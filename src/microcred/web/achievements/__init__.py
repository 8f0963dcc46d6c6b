"""Designing achievements ("badges"): their text, skills, EU elements and image."""
