"""Support: reproduce a customer's token with our credentials, fix it, and write a case report."""
