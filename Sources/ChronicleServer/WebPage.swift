enum WebPage { static let html = "<!doctype html><title>Chronicle</title>" }
