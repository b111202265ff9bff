enum OpenAPISpec { static let json = "{}" }
