output "api_policy_arn" {
  description = "Least-privilege policy for the API: attach it to the role (or user) the API runs as."
  value       = aws_iam_policy.api.arn
}

output "operator_policy_arn" {
  description = "Policy for running `npm run db:provision` and `npm run db:migrate` against these tables."
  value       = aws_iam_policy.operator.arn
}

output "load_balancer_dns_name" {
  description = "With the ECS runtime: point the APP_URL domain here."
  value       = one(module.ecs[*].load_balancer_dns_name)
}

output "ecs_cluster_name" {
  description = "With the ECS runtime: its cluster."
  value       = one(module.ecs[*].cluster_name)
}

output "files_bucket_name" {
  description = "The files bucket: the API's S3_BUCKET_NAME (with AWS_REGION = the bucket's region)."
  value       = aws_s3_bucket.files.bucket
}
