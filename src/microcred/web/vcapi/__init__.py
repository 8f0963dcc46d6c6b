"""The W3C VC API (issue, verify, update status) for machines, with organization API tokens."""
