package servers

import "testing"

func TestInfoSum(t *testing.T) {
	info := "# CPU\r\nused_cpu_sys:0.5\r\nused_cpu_user:1.25\r\nused_cpu_sys_main_thread:0.4\r\n"
	if got := InfoSum(info, "used_cpu_user", "used_cpu_sys"); got != 1.75 {
		t.Errorf("InfoSum = %v, want 1.75", got)
	}
	if got := InfoSum(info, "missing"); got != 0 {
		t.Errorf("InfoSum of a missing key = %v", got)
	}
}
