"""The egress policy (DESIGN §6): where Vigil may send requests on a user's behalf.

addresses.py says which addresses are refused and reads the spellings of a literal host;
policy.py resolves and judges hosts and connects only to judged addresses; proxy.py puts a
run's browser behind that; targets.py finds the hosts an alert target will contact.
"""

from vigil.egress.addresses import IPAddress, host_address, refusal
from vigil.egress.policy import Egress, Refused, Unresolvable, check_egress, check_host

__all__ = [
    "Egress",
    "IPAddress",
    "Refused",
    "Unresolvable",
    "check_egress",
    "check_host",
    "host_address",
    "refusal",
]
