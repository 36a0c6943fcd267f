package web

import (
	"net/url"
	"strconv"

	"github.com/mediadesk/mediadesk/config"
)

// AttachmentURL is where a message's attachment is downloaded from (the
// enquiry page's link, page-enquiry.html).
func AttachmentURL(ref, mkey string, index int) string {
	return "/enquiries/" + url.PathEscape(ref) + "/messages/" + url.PathEscape(mkey) + "/attachments/" + strconv.Itoa(index)
}

// RouteRole is the least role a route pattern needs ("" for a public one),
// as Protect decides it.
func RouteRole(pattern string) config.Role {
	if publicRoutes[pattern] {
		return ""
	}
	if r, ok := routeRoles[pattern]; ok {
		return r
	}
	return config.RoleAdmin
}
