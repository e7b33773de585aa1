"""The jail's case workflow: bookings, ICE requests, decisions, duties, notices, advisements.

Records hold the minimum the job needs and, by construction, no immigration or citizenship
status, national origin or place of birth: there is no column for any of them.
"""
