package config

// ReservedCallMailbox is the mailbox id of calls logged on the dashboard
// (store.CallMailbox): their synthetic messages are recorded under it, so
// no configured mailbox may use it.
const ReservedCallMailbox = "phone"
