"""The Consignment area: stock at customers' sites, its documents, counts and reversals."""
