"""PDF certificates of issued credentials, and each organization's certificate design."""
