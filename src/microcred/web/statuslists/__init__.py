"""Each organization's W3C Bitstring Status Lists: index allocation, re-signing, publishing."""
