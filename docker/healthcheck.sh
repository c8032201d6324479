#!/bin/bash
# Container health check without curl: GET the readiness group on the management port through bash's
# /dev/tcp and pass on an HTTP 200 only. MANAGEMENT_SERVER_PORT defaults to 8081.
port=${MANAGEMENT_SERVER_PORT:-8081}
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
read -r -t 3 _ status _ <&3 || exit 1
[ "$status" = 200 ]
