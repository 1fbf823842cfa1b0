output "load_balancer_dns_name" {
  description = "Point the APP_URL domain here (CNAME or alias record)."
  value       = aws_lb.this.dns_name
}

output "load_balancer_zone_id" {
  description = "For a Route 53 alias record."
  value       = aws_lb.this.zone_id
}

output "cluster_name" {
  description = "ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "service_names" {
  description = "ECS services."
  value       = { for name, service in aws_ecs_service.this : name => service.name }
}

output "log_groups" {
  description = "CloudWatch log groups."
  value       = { api = aws_cloudwatch_log_group.api.name, web = aws_cloudwatch_log_group.web.name }
}
