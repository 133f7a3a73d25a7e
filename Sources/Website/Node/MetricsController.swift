import Hummingbird

/// `GET /metrics`: the node's figures in Prometheus' text format.
struct MetricsController<Context: RequestContext> {
    let metrics: NodeMetrics

    func addRoutes(to router: Router<Context>) {
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: .init(byteBuffer: ByteBuffer(string: metrics.text)))
        }
    }
}
