import Mustache

// The Mustache lookups of the views in PageViews.swift, one conformance per type (see there).
extension IndexPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "mostLookedUp": mostLookedUp
        case "recent": recent
        case "connectedNodes": connectedNodes
        case "connectedOne": connectedOne
        default: nil
        }
    }
}

extension IndexPageView.Listing: MustacheParent {
    func child(named name: String) -> Any? { name == "items" ? items : nil }
}

extension IndexPageView.Listing.Item: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "displayName": displayName
        case "total": total
        case "lastLookupISO": lastLookupISO
        case "lastLookupText": lastLookupText
        case "avatarPath": avatarPath
        default: nil
        }
    }
}

extension HeadPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "displayName": displayName
        case "nameKey": nameKey
        case "uuid": uuid
        case "avatarPath": avatarPath
        case "total": total
        case "local": local
        case "perNode": perNode
        case "notice": notice
        case "username": username
        default: nil
        }
    }
}

extension HeadPageView.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "origin": origin
        case "count": count
        case "isLocal": isLocal
        case "label": label
        default: nil
        }
    }
}

extension FederationPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "neighbours": neighbours
        case "count": count
        case "selfId": selfId
        case "selfAddresses": selfAddresses
        case "peersListProblems": peersListProblems
        case "stalledFeed": stalledFeed
        case "map": map
        case "blocked": blocked
        case "purges": purges
        default: nil
        }
    }
}

extension FederationPageView.Neighbour: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "nodeId": nodeId
        case "address": address
        case "state": state
        case "stateReason": stateReason
        case "connected": connected
        case "lastSuccess": lastSuccess
        case "lastError": lastError
        case "lag": lag
        case "merged": merged
        case "rejected": rejected
        case "rejectedReasons": rejectedReasons
        default: nil
        }
    }
}

extension FederationPageView.Purge: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "origin": origin
        case "counts": counts
        case "profiles": profiles
        case "nodes": nodes
        case "reason": reason
        case "when": when
        default: nil
        }
    }
}

extension ErrorPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "status": status
        case "heading": heading
        case "message": message
        case "username": username
        default: nil
        }
    }
}
