# Bash tab completion for sensornode, without dotnet-suggest: asks sensornode itself through
# System.CommandLine's [suggest] directive (the same call dotnet-suggest makes).
# Turn it on: source tools/sensornode-completion.bash   (or add that line to ~/.bashrc)
_sensornode_complete() {
  local cur="${COMP_WORDS[COMP_CWORD]}"
  local IFS=$'\n'
  COMPREPLY=($(compgen -W "$(sensornode "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "$cur"))
}
complete -o default -F _sensornode_complete sensornode
