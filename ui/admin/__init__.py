"""Setup screens for admins and supervisors: site, users, settings, warehouses and bins, boxes."""
